import Foundation

/// JPEG: markers and their segments from SOI; a frame header (SOF) gives the size; after each scan
/// (SOS) the entropy-coded bytes may hold 0xFF only as FF00, restart markers or fill; EOI ends it.
/// After EOI only padding or further JPEGs (the multi-picture format phones write) may follow.
enum JPEGWalk {
    static let frames: Set<UInt8> = [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF]

    static func dimensions(_ reader: inout ByteReader, depth: Int) -> (Int, Int)? {
        guard reader.u8() == 0xFF, reader.u8() == 0xD8 else { return nil }
        var size: (Int, Int)?
        var scans = 0
        while true {
            guard reader.u8() == 0xFF else { return nil }
            var marker = reader.u8()
            while marker == 0xFF { marker = reader.u8() }
            guard let marker else { return nil }
            switch marker {
            case 0xD9:
                guard size != nil, scans > 0 else { return nil }
                return trailerIsAcceptable(&reader, depth: depth) ? size : nil
            case 0xD0...0xD7, 0x01:
                continue
            case 0x00, 0xD8:
                return nil
            default:
                guard let length = reader.be16(), length >= 2, reader.remaining >= length - 2 else { return nil }
                let start = reader.offset
                if frames.contains(marker) {
                    guard length >= 8, reader.u8() != nil, let height = reader.be16(), let width = reader.be16(), let components = reader.u8(),
                        components >= 1, length == 8 + 3 * Int(components)
                    else { return nil }
                    size = (width, height)
                }
                reader.offset = start + length - 2
                if marker == 0xDA {
                    guard size != nil, skipEntropyData(&reader) else { return nil }
                    scans += 1
                }
            }
        }
    }

    /// Moves past entropy-coded data to the next marker (left unread, at its 0xFF).
    static func skipEntropyData(_ reader: inout ByteReader) -> Bool {
        let bytes = reader.bytes
        var index = reader.offset
        while index < bytes.count {
            if bytes[index] != 0xFF {
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { return false }
            let next = bytes[index + 1]
            if next == 0x00 || (0xD0...0xD7).contains(next) || next == 0xFF {
                index += next == 0xFF ? 1 : 2
                continue
            }
            reader.offset = index
            return true
        }
        return false
    }

    static func trailerIsAcceptable(_ reader: inout ByteReader, depth: Int) -> Bool {
        let rest = reader.bytes[reader.offset...]
        if rest.allSatisfy({ $0 == 0x00 || $0 == 0xFF }) { return true }
        guard depth < 4, rest.starts(with: [0xFF, 0xD8]) else { return false }
        return dimensions(&reader, depth: depth + 1) != nil
    }
}

/// PNG: IHDR first (13 bytes: size, bit depth and colour type that go together), every chunk's CRC
/// right, at least one IDAT, IEND last with nothing after it.
enum PNGWalk {
    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func dimensions(_ reader: inout ByteReader) -> (Int, Int)? {
        guard reader.skip(8) else { return nil }
        var size: (Int, Int)?
        var sawData = false
        while let length = reader.be32() {
            let typeStart = reader.offset
            guard length <= 0x7FFF_FFFF, let type = reader.tag(at: typeStart),
                type.utf8.allSatisfy({ $0 < 0x80 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
                reader.skip(4), let data = reader.take(length), let stored = reader.be32()
            else { return nil }
            guard UInt32(stored) == crc(reader.bytes[typeStart..<(typeStart + 4 + length)]) else { return nil }
            if size == nil {
                guard type == "IHDR", length == 13 else { return nil }
                var header = ByteReader(Array(data))
                guard let width = header.be32(), let height = header.be32(), let depth = header.u8(), let colour = header.u8() else { return nil }
                let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
                guard depths[colour]?.contains(depth) == true else { return nil }
                size = (width, height)
            }
            if type == "IDAT" { sawData = true }
            if type == "IEND" { return sawData && reader.atEnd ? size : nil }
        }
        return nil
    }
}

/// WebP: the RIFF size matches the file; chunks follow to its end; the first is VP8 (a key frame
/// with its start code), VP8L (signature 0x2F) or VP8X (the canvas, then image or animation chunks).
enum WebPWalk {
    static func dimensions(_ reader: inout ByteReader) -> (Int, Int)? {
        guard reader.skip(4), let riffSize = reader.le32(), riffSize + 8 == reader.bytes.count, reader.skip(4) else { return nil }
        var size: (Int, Int)?
        var first = true
        var sawImage = false
        while !reader.atEnd {
            guard let tag = reader.tag(at: reader.offset), reader.skip(4), let length = reader.le32(), let body = reader.take(length) else {
                return nil
            }
            if length % 2 == 1, !reader.atEnd { guard reader.u8() == 0 else { return nil } }
            var chunk = ByteReader(Array(body))
            switch tag {
            case "VP8 ":
                guard let tagBits = chunk.le24(), tagBits & 1 == 0, chunk.u8() == 0x9D, chunk.u8() == 0x01, chunk.u8() == 0x2A,
                    let width = chunk.le16(), let height = chunk.le16()
                else { return nil }
                if first { size = (width & 0x3FFF, height & 0x3FFF) }
                sawImage = true
            case "VP8L":
                guard chunk.u8() == 0x2F, let bits = chunk.le32() else { return nil }
                if first { size = ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1) }
                sawImage = true
            case "VP8X":
                guard first, length >= 10, chunk.skip(4), let width = chunk.le24(), let height = chunk.le24() else { return nil }
                size = (width + 1, height + 1)
            case "ANIM", "ANMF":
                sawImage = sawImage || tag == "ANMF"
            default:
                guard !first, tag.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            }
            first = false
        }
        return sawImage ? size : nil
    }
}
