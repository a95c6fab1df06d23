import Foundation
import Testing
@testable import LianxinCore

@Suite struct QRCodeTests {
    // MARK: Known answers from ISO/IEC 18004

    @Test func formatInformationMatchesTheStandardTable() {
        // Annex C, Table C.1: the 15 format bits for each level and mask, after XOR with 0x5412.
        let table: [QRCode.Correction: [String]] = [
            .low: [
                "111011111000100", "111001011110011", "111110110101010", "111100010011101",
                "110011000101111", "110001100011000", "110110001000001", "110100101110110",
            ],
            .medium: [
                "101010000010010", "101000100100101", "101111001111100", "101101101001011",
                "100010111111001", "100000011001110", "100111110010111", "100101010100000",
            ],
            .quartile: [
                "011010101011111", "011000001101000", "011111100110001", "011101000000110",
                "010010010110100", "010000110000011", "010111011011010", "010101111101101",
            ],
            .high: [
                "001011010001001", "001001110111110", "001110011100111", "001100111010000",
                "000011101100010", "000001001010101", "000110100001100", "000100000111011",
            ],
        ]
        for (correction, rows) in table {
            for (mask, expected) in rows.enumerated() {
                #expect(QRMatrix.formatBits(correction: correction, mask: mask) == Int(expected, radix: 2), "\(correction) mask \(mask)")
            }
        }
    }

    @Test func versionInformationMatchesTheStandardTable() {
        // Annex D, Table D.1.
        let table: [Int: Int] = [7: 0x07C94, 8: 0x085BC, 9: 0x09A99, 10: 0x0A4D3, 21: 0x15683, 32: 0x209D5, 40: 0x28C69]
        for (version, bits) in table {
            #expect(QRMatrix.versionBits(version: version) == bits, "version \(version)")
        }
    }

    @Test func reedSolomonMatchesTheHelloWorldExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(QRReedSolomon.remainder(of: data, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func reedSolomonCodewordsAreDivisibleByTheGenerator() {
        var random = TestRandom(seed: 18004)
        for degree in [7, 10, 13, 17, 22, 26, 28, 30] {
            let data = (0..<Int.random(in: 1...120, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let codeword = data + QRReedSolomon.remainder(of: data, degree: degree)
            // c(x) must vanish at every root α⁰ … αⁿ⁻¹ of the generator (Horner's rule).
            for root in 0..<degree {
                var value: UInt8 = 0
                for coefficient in codeword { value = QRReedSolomon.multiply(value, QRReedSolomon.exp[root]) ^ coefficient }
                #expect(value == 0, "degree \(degree), root α^\(root)")
            }
        }
    }

    @Test func blockStructureAddsUp() {
        #expect([1, 2, 7, 10, 40].map { QRCodeCapacity.totalCodewords(version: $0) } == [26, 44, 196, 346, 3706])
        for version in 1...40 {
            #expect(
                QRCodeCapacity.dataModules(version: version) % 8
                    == [
                        0, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3,
                        4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0,
                    ][version - 1],
                "remainder bits of version \(version)")
        }
        // Table 9: data codewords of versions 1…10 at M, and of version 40 at each level.
        #expect(
            (1...10).map { QRCodeCapacity.dataCodewords(version: $0, correction: .medium) }
                == [16, 28, 44, 64, 86, 108, 124, 154, 182, 216])
        #expect(QRCode.Correction.allCases.map { QRCodeCapacity.dataCodewords(version: 40, correction: $0) } == [2956, 2334, 1666, 1276])
        // Error correction per block runs from 7 to 30 codewords; each level up spends more codewords on it.
        for version in 1...40 {
            for correction in QRCode.Correction.allCases {
                let ecc = QRCodeCapacity.eccPerBlock(version: version, correction: correction)
                #expect((7...30).contains(ecc), "version \(version) \(correction)")
            }
            let spent = QRCode.Correction.allCases.map {
                QRCodeCapacity.blocks(version: version, correction: $0) * QRCodeCapacity.eccPerBlock(version: version, correction: $0)
            }
            #expect(spent == spent.sorted() && Set(spent).count == 4, "version \(version)")
        }
    }

    @Test func byteCapacitiesMatchTheStandardTable() {
        // Table 7, byte mode, versions 1…10 and 40.
        let table: [QRCode.Correction: [Int]] = [
            .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
            .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
            .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
            .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
        ]
        let version40: [QRCode.Correction: Int] = [.low: 2953, .medium: 2331, .quartile: 1663, .high: 1273]
        for (correction, capacities) in table {
            #expect((1...10).map { QRCodeCapacity.byteCapacity(version: $0, correction: correction) } == capacities, "\(correction)")
            #expect(QRCodeCapacity.byteCapacity(version: 40, correction: correction) == version40[correction])
        }
    }

    @Test func alignmentPatternCentresMatchTheStandardTable() {
        // Annex E, Table E.1.
        let table: [Int: [Int]] = [
            1: [], 2: [6, 18], 6: [6, 34], 7: [6, 22, 38], 14: [6, 26, 46, 66], 15: [6, 26, 48, 70], 16: [6, 26, 50, 74],
            22: [6, 26, 50, 74, 98], 32: [6, 34, 60, 86, 112, 138], 36: [6, 24, 50, 76, 102, 128, 154],
            40: [6, 30, 58, 86, 114, 142, 170],
        ]
        for (version, centres) in table {
            #expect(QRMatrix.alignmentCentres(version: version) == centres, "version \(version)")
        }
    }

    @Test func choosesTheSmallestVersionAtCapacityBoundaries() throws {
        for (version, capacity) in [(1, 14), (2, 26), (3, 42), (4, 62), (5, 84), (10, 213)] {
            #expect(try QRCode(encoding: Data(repeating: 0x41, count: capacity)).version == version)
            #expect(try QRCode(encoding: Data(repeating: 0x41, count: capacity + 1)).version == version + 1)
        }
        #expect(try QRCode(encoding: "").version == 1)
        #expect(try QRCode(encoding: Data(count: 2953), correction: .low).version == 40)
        #expect(try QRCode(encoding: "x", minimumVersion: 7).version == 7)
        // The UTF-8 designator costs 12 bits: 14 bytes no longer fit version 1-M.
        #expect(try QRCode(encoding: Data(count: 14), declaringUTF8: true).version == 2)
    }

    @Test func tooMuchDataThrows() {
        #expect(throws: QRCodeError.dataTooLong(bytes: 2332, capacity: 2331)) {
            try QRCode(encoding: Data(count: 2332))
        }
        #expect(throws: QRCodeError.dataTooLong(bytes: 1274, capacity: 1273)) {
            try QRCode(encoding: String(repeating: "a", count: 1274), correction: .high)
        }
    }

    @Test func dataCodewordsOfAByteModeExample() {
        // "HELLO WORLD" in byte mode at 1-M: 0100, count 00001011, the ASCII bytes, terminator, pads.
        let words = QRCode.dataCodewords(Array("HELLO WORLD".utf8), version: 1, correction: .medium, declaringUTF8: false)
        #expect(words == [0x40, 0xB4, 0x84, 0x54, 0xC4, 0xC4, 0xF2, 0x05, 0x74, 0xF5, 0x24, 0xC4, 0x40, 0xEC, 0x11, 0xEC])
    }

    @Test func symbolHasItsFunctionPatterns() throws {
        let code = try QRCode(encoding: "https://lianxin.example/p/checkin/R7K2Q9", correction: .quartile)
        #expect(code.size == 17 + 4 * code.version)
        for (cx, cy) in [(3, 3), (code.size - 4, 3), (3, code.size - 4)] {
            #expect(code[cx, cy] && code[cx - 3, cy - 3] && !code[cx - 2, cy - 2] && code[cx - 1, cy])
        }
        for i in 8..<code.size - 8 {
            #expect(code[i, 6] == (i % 2 == 0) && code[6, i] == (i % 2 == 0), "timing at \(i)")
        }
        #expect(code[8, code.size - 8], "the dark module")
    }

    @Test func encodingVersion10IsFast() throws {
        let payload = Data((0..<213).map { UInt8(33 + $0 % 90) })
        let clock = ContinuousClock()
        var code: QRCode?
        let elapsed = try clock.measure { code = try QRCode(encoding: payload) }
        #expect(code?.version == 10)
        #expect(elapsed < .milliseconds(100), "took \(elapsed)")
    }

    // MARK: Output formats

    @Test func checksumsMatchKnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([UInt8](repeating: 0xFF, count: 100_000)) == Self.slowAdler32([UInt8](repeating: 0xFF, count: 100_000)))
    }

    @Test func pngIsWellFormedAndHoldsTheModules() throws {
        // Version 40 at scale 4 needs more than one stored block.
        for code in [try QRCode(encoding: "连心"), try QRCode(encoding: Data(count: 2000), correction: .low)] {
            let scale = 4, quiet = 4
            let png = [UInt8](code.png(scale: scale, quietZone: quiet))
            #expect(ImageFormat.sniff(png) == .png)
            var offset = 8
            var chunks: [(String, [UInt8])] = []
            while offset < png.count {
                let length = Int(png[offset]) << 24 | Int(png[offset + 1]) << 16 | Int(png[offset + 2]) << 8 | Int(png[offset + 3])
                let typeAndData = Array(png[offset + 4..<offset + 8 + length])
                let crc = png[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                #expect(crc == Self.slowCRC32(typeAndData))
                chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
                offset += 12 + length
            }
            #expect(chunks.map(\.0) == ["IHDR", "IDAT", "IEND"])
            let side = (code.size + 2 * quiet) * scale
            #expect(chunks[0].1 == GrayscalePNG.bigEndian(UInt32(side)) + GrayscalePNG.bigEndian(UInt32(side)) + [1, 0, 0, 0, 0])

            // Inflate the stored blocks by hand.
            let zlib = chunks[1].1
            #expect((Int(zlib[0]) << 8 | Int(zlib[1])) % 31 == 0 && zlib[0] & 0x0F == 8)
            var raw: [UInt8] = [], position = 2, final = false
            while !final {
                final = zlib[position] & 1 == 1
                #expect(zlib[position] & 0b110 == 0, "stored block")
                let length = Int(zlib[position + 1]) | Int(zlib[position + 2]) << 8
                let complement = Int(zlib[position + 3]) | Int(zlib[position + 4]) << 8
                #expect(length ^ complement == 0xFFFF)
                raw += zlib[position + 5..<position + 5 + length]
                position += 5 + length
            }
            #expect(zlib[position...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == Self.slowAdler32(raw))
            let rowBytes = (side + 7) / 8
            #expect(raw.count == (rowBytes + 1) * side)
            var mismatches = 0
            for py in 0..<side {
                #expect(raw[py * (rowBytes + 1)] == 0, "filter byte")
                for px in 0..<side {
                    let white = raw[py * (rowBytes + 1) + 1 + px / 8] & (0x80 >> UInt8(px % 8)) != 0
                    let x = px / scale - quiet, y = py / scale - quiet
                    let dark = x >= 0 && x < code.size && y >= 0 && y < code.size && code[x, y]
                    if white == dark { mismatches += 1 }
                }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func svgDrawsEveryDarkModuleOnce() throws {
        for correction in QRCode.Correction.allCases {
            let code = try QRCode(encoding: "连心出租屋登记 信州区", correction: correction)
            let svg = code.svg(moduleSize: 5)
            let side = code.size + 8
            #expect(
                svg.hasPrefix(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(side * 5)\" height=\"\(side * 5)\" viewBox=\"0 0 \(side) \(side)\""))
            #expect(svg.contains("shape-rendering=\"crispEdges\"") && svg.contains("fill=\"#fff\""))
            #expect(svg.components(separatedBy: "<path").count == 2)
            // Every run is "M x y h n v1 h-n z": rebuild the matrix from it.
            let path = try #require(svg.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
            var drawn = Array(repeating: false, count: code.size * code.size)
            var overlaps = 0
            for run in path.split(separator: "z") {
                let parts = run.dropFirst().split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
                let x = Int(parts[0])! - 4, y = Int(parts[1])! - 4, length = Int(parts[2])!
                #expect(parts.count == 5 && parts[3] == "1" && Int(parts[4]) == -length)
                for i in x..<x + length {
                    if drawn[y * code.size + i] { overlaps += 1 }
                    drawn[y * code.size + i] = true
                }
            }
            #expect(overlaps == 0)
            #expect(drawn.filter { $0 }.count == code.darkModuleCount)
            #expect(drawn == code.modules)
        }
    }

    // MARK: Decoding with an independent reader (zbar)

    static let zbarimg = "/usr/bin/zbarimg"

    static var payloads: [(String, Data)] {
        var random = TestRandom(seed: 20260531)
        func printable(_ count: Int) -> Data { Data((0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }) }
        return [
            ("URL", Data("https://lianxin.example/p/checkin/R7K2Q9".utf8)),
            ("Chinese", Data("连心出租屋登记 信州区".utf8)),
            ("1 byte", printable(1)),
            ("50 bytes", printable(50)),
            ("200 bytes", printable(200)),
            ("500 bytes", printable(500)),
        ]
    }

    @Test(arguments: QRCode.Correction.allCases)
    func zbarDecodesThePNG(correction: QRCode.Correction) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.zbarimg), "install zbar-tools (scripts/test.sh does)")
        for (name, payload) in Self.payloads {
            let text = String(decoding: payload, as: UTF8.self)
            let code = try QRCode(encoding: text, correction: correction)
            let decoded = try Self.decode(code.png(scale: 4))
            #expect(
                decoded == payload,
                "\(name) at \(correction), version \(code.version), mask \(code.mask): \(String(decoding: decoded, as: UTF8.self))")
        }
    }

    @Test func zbarReadsChineseWithoutTheDesignatorToo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.zbarimg), "install zbar-tools (scripts/test.sh does)")
        let text = "连心出租屋登记 信州区"
        let plain = try QRCode(encoding: Data(text.utf8))
        let declared = try QRCode(encoding: text)
        #expect(!plain.declaresUTF8 && declared.declaresUTF8)
        #expect(try Self.decode(plain.png(scale: 4)) == Data(text.utf8))
    }

    @Test func zbarDecodesEveryVersionAndMask() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.zbarimg), "install zbar-tools (scripts/test.sh does)")
        let levels = QRCode.Correction.allCases
        for version in 1...40 {
            let correction = levels[version % 4]
            let payload = Data("v\(version)-\(correction)".utf8)
            let code = try QRCode(
                bytes: [UInt8](payload), correction: correction, minimumVersion: version,
                declaringUTF8: false, forcedMask: version % 8)
            #expect(code.version == version)
            #expect(try Self.decode(code.png(scale: 3)) == payload, "version \(version) at \(correction)")
        }
        // Full symbols: every version's capacity at one level, so that every codeword and block counts.
        for version in [7, 10, 15, 22, 27, 40] {
            for correction in levels {
                let capacity = QRCodeCapacity.byteCapacity(version: version, correction: correction)
                let payload = Data((0..<capacity).map { UInt8(0x21 + ($0 * 7 + version) % 94) })
                let code = try QRCode(encoding: payload, correction: correction)
                #expect(code.version == version)
                #expect(try Self.decode(code.png(scale: 3)) == payload, "full version \(version) at \(correction)")
            }
        }
    }

    @Test func zbarDecodesTheSVGThroughRsvgConvert() throws {
        let rsvg = "/usr/bin/rsvg-convert"
        guard FileManager.default.isExecutableFile(atPath: rsvg), FileManager.default.isExecutableFile(atPath: Self.zbarimg) else {
            return  // optional: rsvg-convert is not required
        }
        let payload = "https://lianxin.example/p/checkin/R7K2Q9"
        let code = try QRCode(encoding: payload)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qr-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgURL = directory.appendingPathComponent("code.svg"), pngURL = directory.appendingPathComponent("code.png")
        try code.svg(moduleSize: 4).write(to: svgURL, atomically: true, encoding: .utf8)
        _ = try Self.run(rsvg, ["-o", pngURL.path, svgURL.path])
        #expect(try Self.decode(Data(contentsOf: pngURL)) == Data(payload.utf8))
    }

    // MARK: Helpers

    /// What zbarimg reads from `png`, without the newline it prints after each symbol.
    static func decode(_ png: Data) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        try png.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var output = try run(zbarimg, ["--raw", "-q", url.path])
        if output.last == 0x0A { output.removeLast() }
        return output
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return output
    }

    /// Bit-at-a-time CRC-32, independent of the table-driven one.
    static func slowCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Adler-32 reducing after every byte.
    static func slowAdler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }
}
