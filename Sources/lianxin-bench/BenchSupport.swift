import Foundation
import LianxinCore

/// Reading and writing the tool's binary files, timing, and the JSON result line.
enum BenchSupport {
    /// The file's bytes; a failure names the file.
    static func readFile(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BenchError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Reads a file of float64 little-endian (lon, lat) pairs.
    static func readPoints(_ path: String) throws -> [GeoPoint] {
        let data = try readFile(path)
        guard data.count % 16 == 0 else {
            throw BenchError("\(path): \(data.count) bytes is not a whole number of (lon, lat) float64 pairs")
        }
        return data.withUnsafeBytes { bytes in
            (0..<(bytes.count / 16)).map { index in
                GeoPoint(lon: double(bytes, at: index * 16), lat: double(bytes, at: index * 16 + 8))
            }
        }
    }

    /// Writes the values as int32 little-endian.
    static func writeInt32s(_ values: [Int32], to path: String) throws {
        let data = values.map(\.littleEndian).withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Runs `action` once and returns its duration in seconds with its result.
    static func timed<Result>(_ action: () throws -> Result) rethrows -> (seconds: Double, result: Result) {
        let start = ContinuousClock.now
        let result = try action()
        return (seconds(ContinuousClock.now - start), result)
    }

    /// Runs `action` `count` times (at least once) and returns the shortest duration with the last result.
    static func bestOf<Result>(_ count: Int, _ action: () throws -> Result) rethrows -> (seconds: Double, result: Result) {
        var best = try timed(action)
        for _ in 1..<max(count, 1) {
            let run = try timed(action)
            best = (min(best.seconds, run.seconds), run.result)
        }
        return best
    }

    /// The duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Prints the figures as one JSON object on its own line, keys sorted.
    static func printResult(_ figures: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The float64 little-endian value at the byte offset.
    private static func double(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }
}

/// A failure while running a command (bad file, bad data), as opposed to a usage mistake.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong, naming the file.
    let description: String

    /// Creates the error.
    init(_ description: String) {
        self.description = description
    }
}
