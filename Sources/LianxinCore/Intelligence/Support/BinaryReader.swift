/// Reads little-endian numbers from a byte buffer, failing instead of reading past its end.
struct BinaryReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - offset }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard size <= remaining else { return nil }
        var value: T = 0
        _ = withUnsafeMutableBytes(of: &value) { bytes.copyBytes(to: $0, from: offset..<offset + size) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func unsignedIntegers(count: Int) -> [UInt64]? {
        guard count >= 0, count <= remaining / 8 else { return nil }
        var values = [UInt64](repeating: 0, count: count)
        values.withUnsafeMutableBytes { _ = bytes.copyBytes(to: $0, from: offset..<offset + count * 8) }
        offset += count * 8
        return values.map { UInt64(littleEndian: $0) }
    }

    mutating func floats(count: Int) -> [Float]? {
        guard count >= 0, count <= remaining / 4 else { return nil }
        var patterns = [UInt32](repeating: 0, count: count)
        patterns.withUnsafeMutableBytes { _ = bytes.copyBytes(to: $0, from: offset..<offset + count * 4) }
        offset += count * 4
        return patterns.map { Float(bitPattern: UInt32(littleEndian: $0)) }
    }
}

extension Array where Element == UInt8 {
    /// Copies `range` of the array into `destination`, returning how many bytes were copied.
    fileprivate func copyBytes(to destination: UnsafeMutableRawBufferPointer, from range: Range<Int>) -> Int {
        withUnsafeBytes { source in
            destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
        }
        return range.count
    }
}
