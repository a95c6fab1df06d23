import Foundation
import Testing
@testable import LianxinCore

/// Bounded fuzzing of the parsers that read outside input (GeoJSON grid files, CSV files, Open311
/// attribute answers and timestamps): seeded mutations of valid documents — flipped, inserted,
/// deleted and duplicated bytes, truncations, splices of structural characters — must end in a
/// value or a typed error, never a crash or a hang. A crash fails the whole test process.
@Suite("Parser fuzzing (bounded, seeded)")
struct ParserFuzzTests {
    static let iterations = 3_000

    /// A seeded mutation of `seed`: one to four edits drawn from the usual libFuzzer moves.
    static func mutate(_ seed: [UInt8], _ random: inout TestRandom) -> [UInt8] {
        var bytes = seed
        let interesting: [UInt8] = Array("{}[]\",:.-+eE0123456789\\\n\r \u{0}nulltrue".utf8) + [0xE4, 0xB8, 0xAD, 0xFF, 0xC0]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8.random(in: 1...255, using: &random)
            case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes = Array(bytes.prefix(position))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 5 where !bytes.isEmpty: bytes[position] = interesting.randomElement(using: &random)!
            default: bytes.append(UInt8.random(in: 0...255, using: &random))
            }
        }
        return bytes
    }

    @Test func geoJSONGridFilesNeverCrashTheReaderOrTheValidator() {
        let seed = Array(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"361102001001001","name":"一网格","parent":"361102001001"},
             "geometry":{"type":"Polygon","coordinates":[[[117.90,28.40],[117.91,28.40],[117.91,28.41],[117.90,28.41],[117.90,28.40]],
               [[117.902,28.402],[117.903,28.402],[117.903,28.403],[117.902,28.402]]]}},
            {"type":"Feature","properties":{"code":361102001001002,"parent":"361102001001"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[117.91,28.40],[117.92,28.40],[117.92,28.41],[117.91,28.40]]]]}}]}
            """.utf8)
        var random = TestRandom(seed: 11)
        var parsed = 0
        for _ in 0..<Self.iterations {
            let input = Data(Self.mutate(seed, &random))
            for system in [CoordinateSystem.wgs84, .gcj02] {
                if let features = try? GeoJSONReader(coordinateSystem: system).read(input) {
                    parsed += 1
                    _ = GridValidator().validate(features)
                    _ = GeoJSONWriter().write(features)
                }
            }
        }
        #expect(parsed > 0, "some mutations stay valid, so the validator and writer are exercised too")
    }

    @Test func csvFilesNeverCrashTheTableOrTheLabelledTextReader() {
        let seed = Array("code,name,level,parent_code\n361102,\"信州区, 上饶\",county,3611\n361102001,水南街道,township,361102\n\"a\"\"b\",,,\r\n".utf8)
        let labelled = Array("text,label\n\"小区门口垃圾桶满了，臭味很大\",市容环境\n路灯不亮,市政设施\n".utf8)
        var random = TestRandom(seed: 12)
        for index in 0..<Self.iterations {
            let input = Self.mutate(index.isMultiple(of: 2) ? seed : labelled, &random)
            let text = String(decoding: input, as: UTF8.self)
            if let table = try? CSVTable(parsing: text) { _ = table.column("code", "text") }
            _ = try? LabeledTextCSV.parse(Data(input))
        }
    }

    @Test func open311AnswersAndTimestampsNeverCrashTheirParsers() {
        let attributes = ServiceAttribute.Datatype.allCases.map {
            ServiceAttribute(
                code: "q", datatype: $0, required: $0 == .singlevaluelist, order: 1, description: "问题",
                values: [(key: "on", name: "亮"), (key: "off", name: "不亮")])
        }
        let seeds = ["2026-11-25T08:30:00+08:00", "12.5", "on", "路灯杆号 A-17", "on=亮;off=不亮", "2026-02-29T24:00:00Z"].map { Array($0.utf8) }
        var random = TestRandom(seed: 13)
        for index in 0..<Self.iterations {
            let text = String(decoding: Self.mutate(seeds[index % seeds.count], &random), as: UTF8.self)
            for attribute in attributes { _ = attribute.check(text) }
            _ = ServiceAttribute.parseValues(text)
            _ = ISOTimestamp.parse(text)
        }
    }
}
