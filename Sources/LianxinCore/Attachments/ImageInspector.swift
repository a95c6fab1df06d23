import Foundation

/// Checks that bytes really are a photo, not merely that they begin like one: the container is
/// walked to its end (JPEG segments and entropy-coded data to EOI; PNG chunks with their CRCs to
/// IEND; the RIFF chunks of WebP; the blocks of GIF to its trailer; the boxes of HEIF), and the
/// dimensions are read from the header. Random bytes behind a forged signature fail the walk.
/// Our own code, no image library: nothing is decoded to pixels.
public enum ImageInspector {
    public struct Image: Sendable, Hashable {
        public let format: ImageFormat
        public let width: Int
        public let height: Int
    }

    public enum Rejection: Error, Sendable, Hashable {
        /// No signature of a format we accept.
        case notAnImage
        /// The signature is there but the file is not a well-formed image of that format.
        case malformed(ImageFormat)
        /// Well-formed, but wider, taller or larger in pixels than allowed.
        case tooLarge(width: Int, height: Int)
    }

    /// The largest side and pixel count accepted (a phone's 200-megapixel photo passes).
    public static let maximumSide = 20_000
    public static let maximumPixels = 210_000_000

    public static func inspect(_ data: Data) -> Result<Image, Rejection> {
        let bytes = [UInt8](data)
        guard let format = ImageFormat.sniff(bytes) else { return .failure(.notAnImage) }
        var reader = ByteReader(bytes)
        let size: (Int, Int)?
        switch format {
        case .jpeg: size = JPEGWalk.dimensions(&reader, depth: 0)
        case .png: size = PNGWalk.dimensions(&reader)
        case .webp: size = WebPWalk.dimensions(&reader)
        case .gif: size = GIFWalk.dimensions(&reader)
        case .heic: size = HEIFWalk.dimensions(&reader)
        }
        guard let (width, height) = size, width > 0, height > 0 else { return .failure(.malformed(format)) }
        guard width <= maximumSide, height <= maximumSide, width * height <= maximumPixels else {
            return .failure(.tooLarge(width: width, height: height))
        }
        return .success(Image(format: format, width: width, height: height))
    }
}

/// A cursor over bytes; every read fails (nil) rather than run past the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }
    var atEnd: Bool { offset >= bytes.count }

    mutating func u8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func be16() -> Int? { read(2, bigEndian: true) }
    mutating func be32() -> Int? { read(4, bigEndian: true) }
    mutating func le16() -> Int? { read(2, bigEndian: false) }
    mutating func le24() -> Int? { read(3, bigEndian: false) }
    mutating func le32() -> Int? { read(4, bigEndian: false) }

    mutating func read(_ count: Int, bigEndian: Bool) -> Int? {
        guard count >= 0, remaining >= count else { return nil }
        var value = 0
        for index in 0..<count {
            let byte = Int(bytes[offset + (bigEndian ? index : count - 1 - index)])
            value = value << 8 | byte
        }
        offset += count
        return value
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func skip(_ count: Int) -> Bool { take(count) != nil }

    func tag(at position: Int) -> String? {
        guard position >= 0, position + 4 <= bytes.count else { return nil }
        return String(decoding: bytes[position..<(position + 4)], as: UTF8.self)
    }
}
