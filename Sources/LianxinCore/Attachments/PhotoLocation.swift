import Foundation

/// Removes the GPS position phones write into a photo's EXIF, so a published photo does not tell
/// the door its resident took it from while the order's own position is rounded to ~100 m. The
/// EXIF of JPEG (APP1), PNG (eXIf, its CRC recomputed) and WebP (EXIF chunk) is found, its GPS
/// directory emptied and every value it pointed to zeroed; nothing else changes (orientation and
/// the file's length stay). HEIF and GIF are returned as they are.
public enum PhotoLocation {
    /// The photo without its GPS position.
    public static func scrubbed(_ data: Data, format: ImageFormat) -> Data {
        var bytes = [UInt8](data)
        for block in exifBlocks(in: bytes, format: format) {
            TIFFGPS.erase(&bytes, tiff: block.tiff)
            if let crc = block.pngCRC {
                let value = PNGWalk.crc(bytes[crc.chunk])
                for index in 0..<4 { bytes[crc.at + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(index))) }
            }
        }
        return Data(bytes)
    }

    /// Whether the photo's EXIF holds a GPS directory with entries.
    public static func hasLocation(_ data: Data, format: ImageFormat) -> Bool {
        let bytes = [UInt8](data)
        return exifBlocks(in: bytes, format: format).contains { TIFFGPS.entryCount(bytes, tiff: $0.tiff) ?? 0 > 0 }
    }

    struct Block {
        /// The TIFF structure's range in the file.
        var tiff: Range<Int>
        /// For PNG: the chunk's type-and-data range and where its CRC sits.
        var pngCRC: (chunk: Range<Int>, at: Int)?
    }

    static func exifBlocks(in bytes: [UInt8], format: ImageFormat) -> [Block] {
        var reader = ByteReader(bytes)
        var blocks: [Block] = []
        switch format {
        case .jpeg:
            guard reader.u8() == 0xFF, reader.u8() == 0xD8 else { return [] }
            while reader.u8() == 0xFF, let marker = reader.u8(), marker != 0xDA, marker != 0xD9 {
                if (0xD0...0xD7).contains(marker) || marker == 0x01 { continue }
                guard let length = reader.be16(), length >= 2, let body = reader.take(length - 2) else { break }
                let exif: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]
                if marker == 0xE1, body.starts(with: exif) { blocks.append(Block(tiff: (body.startIndex + 6)..<body.endIndex)) }
            }
        case .png:
            guard reader.skip(8) else { return [] }
            while let length = reader.be32(), let type = reader.tag(at: reader.offset) {
                let typeStart = reader.offset
                guard reader.skip(4), let body = reader.take(length), reader.skip(4) else { break }
                if type == "eXIf" { blocks.append(Block(tiff: body.startIndex..<body.endIndex, pngCRC: (typeStart..<body.endIndex, body.endIndex))) }
            }
        case .webp:
            guard reader.skip(12) else { return [] }
            while let tag = reader.tag(at: reader.offset), reader.skip(4), let length = reader.le32(), let body = reader.take(length) {
                if length % 2 == 1 { _ = reader.u8() }
                guard tag == "EXIF" else { continue }
                let start = body.starts(with: [0x45, 0x78, 0x69, 0x66, 0, 0]) ? body.startIndex + 6 : body.startIndex
                blocks.append(Block(tiff: start..<body.endIndex))
            }
        case .gif, .heic:
            break
        }
        return blocks
    }
}

/// The GPS directory of a TIFF structure (EXIF), read and erased within its bounds.
enum TIFFGPS {
    static let gpsPointerTag = 0x8825
    /// Bytes per value of each TIFF type.
    static let typeSizes: [Int: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8]

    struct Layout {
        var littleEndian: Bool
        var tiff: Range<Int>

        func read(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int? {
            let at = tiff.lowerBound + offset
            guard offset >= 0, size > 0, at + size <= tiff.upperBound else { return nil }
            var value = 0
            for index in 0..<size { value = value << 8 | Int(bytes[at + (littleEndian ? size - 1 - index : index)]) }
            return value
        }
    }

    static func layout(_ bytes: [UInt8], tiff: Range<Int>) -> Layout? {
        guard tiff.count >= 8 else { return nil }
        let order = (bytes[tiff.lowerBound], bytes[tiff.lowerBound + 1])
        let layout: Layout
        switch order {
        case (0x49, 0x49): layout = Layout(littleEndian: true, tiff: tiff)
        case (0x4D, 0x4D): layout = Layout(littleEndian: false, tiff: tiff)
        default: return nil
        }
        return layout.read(bytes, 2, 2) == 42 ? layout : nil
    }

    /// The GPS directory's offset (from the TIFF start), from IFD0's GPS pointer.
    static func gpsDirectory(_ bytes: [UInt8], _ layout: Layout) -> Int? {
        guard let ifd0 = layout.read(bytes, 4, 4), let count = layout.read(bytes, ifd0, 2) else { return nil }
        for entry in 0..<count {
            let at = ifd0 + 2 + entry * 12
            guard let tag = layout.read(bytes, at, 2) else { return nil }
            if tag == gpsPointerTag { return layout.read(bytes, at + 8, 4) }
        }
        return nil
    }

    static func entryCount(_ bytes: [UInt8], tiff: Range<Int>) -> Int? {
        guard let layout = layout(bytes, tiff: tiff), let gps = gpsDirectory(bytes, layout) else { return nil }
        return layout.read(bytes, gps, 2)
    }

    /// Zeroes every GPS value (inline or pointed to) and the directory's entries, then its count.
    static func erase(_ bytes: inout [UInt8], tiff: Range<Int>) {
        guard let layout = layout(bytes, tiff: tiff), let gps = gpsDirectory(bytes, layout), let count = layout.read(bytes, gps, 2) else { return }
        func zero(_ offset: Int, _ length: Int) {
            let start = tiff.lowerBound + offset
            guard offset >= 0, length > 0, start + length <= tiff.upperBound else { return }
            for index in start..<(start + length) { bytes[index] = 0 }
        }
        for entry in 0..<count {
            let at = gps + 2 + entry * 12
            guard let type = layout.read(bytes, at + 2, 2), let values = layout.read(bytes, at + 4, 4) else { break }
            let length = values * (typeSizes[type] ?? 1)
            if length > 4, let pointer = layout.read(bytes, at + 8, 4) { zero(pointer, length) }
            zero(at, 12)
        }
        zero(gps, 2)
    }
}
