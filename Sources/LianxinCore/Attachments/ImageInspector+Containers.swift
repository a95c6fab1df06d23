import Foundation

/// GIF: the logical screen gives the size; then extensions and images, each made of length-prefixed
/// sub-blocks ending in 0, to the trailer (0x3B) at the very end; at least one image.
enum GIFWalk {
    static func dimensions(_ reader: inout ByteReader) -> (Int, Int)? {
        guard reader.skip(6), let width = reader.le16(), let height = reader.le16(), let flags = reader.u8(), reader.skip(2) else { return nil }
        if flags & 0x80 != 0 { guard reader.skip(3 << (Int(flags & 0x07) + 1)) else { return nil } }
        var images = 0
        while let block = reader.u8() {
            switch block {
            case 0x3B:
                return images > 0 && reader.remaining <= 16 ? (width, height) : nil
            case 0x21:
                guard reader.u8() != nil, skipSubBlocks(&reader) else { return nil }
            case 0x2C:
                guard reader.skip(8), let local = reader.u8() else { return nil }
                if local & 0x80 != 0 { guard reader.skip(3 << (Int(local & 0x07) + 1)) else { return nil } }
                guard let codeSize = reader.u8(), (2...8).contains(codeSize), skipSubBlocks(&reader) else { return nil }
                images += 1
            default:
                return nil
            }
        }
        return nil
    }

    static func skipSubBlocks(_ reader: inout ByteReader) -> Bool {
        while let length = reader.u8() {
            if length == 0 { return true }
            guard reader.skip(Int(length)) else { return false }
        }
        return false
    }
}

/// HEIF (HEIC): top-level boxes from `ftyp` exactly to the end of the file; the size is the largest
/// `ispe` (image spatial extents) property inside `meta` › `iprp` › `ipco`; media data must exist.
enum HEIFWalk {
    static func dimensions(_ reader: inout ByteReader) -> (Int, Int)? {
        var size: (Int, Int)?
        var first = true
        var sawData = false
        while !reader.atEnd {
            guard let (type, body) = box(&reader) else { return nil }
            if first { guard type == "ftyp" else { return nil } }
            first = false
            if type == "meta" { size = largestExtents(reader.bytes, body, skipping: 4, depth: 0) }
            if type == "mdat" || type == "idat" { sawData = true }
        }
        return sawData ? size : nil
    }

    /// The next box: its type and the range of its body in the reader's bytes.
    static func box(_ reader: inout ByteReader) -> (String, Range<Int>)? {
        let start = reader.offset
        guard let small = reader.be32(), let type = reader.tag(at: reader.offset), reader.skip(4) else { return nil }
        var total = small
        if small == 1 {
            guard let large = reader.read(8, bigEndian: true) else { return nil }
            total = large
        } else if small == 0 {
            total = reader.bytes.count - start
        }
        let header = reader.offset - start
        guard total >= header, total - header <= reader.remaining else { return nil }
        let body = reader.offset..<(start + total)
        reader.offset = start + total
        return (type, body)
    }
}

extension HEIFWalk {
    /// The largest `ispe` inside the box body `range`, whose first `header` bytes are not boxes
    /// (`meta` starts with its version and flags).
    static func largestExtents(_ bytes: [UInt8], _ range: Range<Int>, skipping header: Int, depth: Int) -> (Int, Int)? {
        guard depth < 8 else { return nil }
        var reader = ByteReader(bytes, offset: range.lowerBound + header)
        var best: (Int, Int)?
        while reader.offset < range.upperBound {
            guard let (type, body) = box(&reader), body.upperBound <= range.upperBound else { return nil }
            var found: (Int, Int)?
            switch type {
            case "ispe":
                var inner = ByteReader(bytes, offset: body.lowerBound + 4)
                if let width = inner.be32(), let height = inner.be32() { found = (width, height) }
            case "iprp", "ipco":
                found = largestExtents(bytes, body, skipping: 0, depth: depth + 1)
            default:
                break
            }
            if let found, found.0 * found.1 > (best.map { $0.0 * $0.1 } ?? -1) { best = found }
        }
        return best
    }
}
