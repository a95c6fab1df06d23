import Foundation

/// Appends little-endian numbers to a byte buffer.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func append(_ bytes: Data) {
        data.append(bytes)
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func append(_ values: [UInt64]) {
        values.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
    }

    mutating func append(_ values: [Float]) {
        values.map(\.bitPattern.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
    }
}
