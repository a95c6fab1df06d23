import Foundation

/// Writes a 1-bit greyscale PNG (PNG specification, ISO/IEC 15948) without any image library:
/// the image data is a zlib stream of stored (uncompressed) deflate blocks, each scanline behind
/// filter type 0.
enum GrayscalePNG {
    /// A PNG of `width` × `height` pixels where `isWhite(x, y)` chooses white (bit 1) or black (bit 0).
    static func encode(width: Int, height: Int, isWhite: (Int, Int) -> Bool) -> Data {
        precondition(width > 0 && height > 0, "an image needs pixels")
        let rowBytes = (width + 7) / 8
        var raw = [UInt8]()
        raw.reserveCapacity((rowBytes + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter type: none
            var row = [UInt8](repeating: 0, count: rowBytes)
            for x in 0..<width where isWhite(x, y) { row[x >> 3] |= 0x80 >> UInt8(x & 7) }
            raw += row
        }

        var header = [UInt8]()
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [1, 0, 0, 0, 0]  // bit depth 1, colour type 0 (greyscale), deflate, adaptive filters, no interlace

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return Data(png)
    }

    /// A zlib stream (RFC 1950) holding `bytes` in stored deflate blocks (RFC 1951 §3.2.4) of at most
    /// 65 535 bytes, followed by the Adler-32 of `bytes`.
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate with a 32 KiB window, no dictionary; 0x7801 % 31 == 0
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let isFinal = offset + length == bytes.count
            out.append(isFinal ? 1 : 0)  // BFINAL, BTYPE 00 (stored); the rest of the byte is padding
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        out += bigEndian(Adler32.checksum(bytes))
        return out
    }

    /// A chunk: length, type, data and the CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(CRC32.checksum(typeAndData))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
