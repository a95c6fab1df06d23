import Foundation
import Testing
@testable import LianxinCore

/// Well-formed photos of each format pass with their size; a forged signature in front of random
/// bytes, a truncated file and a broken checksum do not.
@Suite struct ImageInspectorTests {
    /// A baseline 1×1 grey JPEG: quantisation and Huffman tables, one frame, one scan, EOI.
    static let jpeg: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        + [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]
        + [0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        + [0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        + [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9]
    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    /// A 3×2 lossless WebP (VP8L header; the bitstream itself is not decoded).
    static let webp: [UInt8] = {
        let bits: UInt32 = (3 - 1) | (2 - 1) << 14
        let chunk: [UInt8] = [0x2F] + withUnsafeBytes(of: bits.littleEndian, Array.init) + [0x00, 0x00, 0x00]
        let body = Array("WEBP".utf8) + Array("VP8L".utf8) + le32(chunk.count) + chunk
        return Array("RIFF".utf8) + le32(body.count) + body
    }()
    /// A 1×1 GIF with a two-colour table and one image.
    static let gif: [UInt8] =
        Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0, 0, 0, 255, 255, 255]
        + [0x2C, 0, 0, 0, 0, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]
    /// A HEIF skeleton: ftyp, meta › iprp › ipco › ispe (4032×3024), mdat.
    static let heic: [UInt8] = {
        func box(_ type: String, _ body: [UInt8]) -> [UInt8] { le32BE(8 + body.count) + Array(type.utf8) + body }
        let ispe = box("ispe", [0, 0, 0, 0] + le32BE(4032) + le32BE(3024))
        let meta = box("meta", [0, 0, 0, 0] + box("hdlr", [UInt8](repeating: 0, count: 24)) + box("iprp", box("ipco", ispe)))
        return box("ftyp", Array("heic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)) + meta + box("mdat", [1, 2, 3, 4])
    }()

    static func le32(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }
    static func le32BE(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).bigEndian, Array.init) }

    func inspect(_ bytes: [UInt8]) -> Result<ImageInspector.Image, ImageInspector.Rejection> { ImageInspector.inspect(Data(bytes)) }

    @Test func wellFormedPhotosPassWithTheirSize() throws {
        #expect(try inspect(Self.jpeg).get() == .init(format: .jpeg, width: 1, height: 1))
        #expect(try inspect(Self.png).get() == .init(format: .png, width: 1, height: 1))
        #expect(try inspect(Self.webp).get() == .init(format: .webp, width: 3, height: 2))
        #expect(try inspect(Self.gif).get() == .init(format: .gif, width: 1, height: 1))
        #expect(try inspect(Self.heic).get() == .init(format: .heic, width: 4032, height: 3024))
        // Phones append further pictures after the first EOI (multi-picture format); padding is fine too.
        #expect(try inspect(Self.jpeg + Self.jpeg).get().format == .jpeg)
        #expect(try inspect(Self.jpeg + [0, 0, 0]).get().format == .jpeg)
    }

    @Test func item14_aForgedSignatureInFrontOfRandomBytesIsNotAPhoto() {
        var random = SystemRandomNumberGenerator()
        let noise = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        for signature in [[0xFF, 0xD8, 0xFF, 0xE0], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("GIF89a".utf8)] as [[UInt8]] {
            guard case .failure(.malformed) = inspect(signature + noise) else {
                Issue.record("\(signature) + noise passed")
                continue
            }
        }
        let riff = Array("RIFF".utf8) + Self.le32(noise.count + 4) + Array("WEBP".utf8) + noise
        #expect(inspect(riff) == .failure(.malformed(.webp)))
        #expect(inspect(noise.first == 0xFF ? [0] + noise : noise) == .failure(.notAnImage))
        #expect(inspect(Array("<script>alert(1)</script>".utf8)) == .failure(.notAnImage))
        // The old test fixture: a JFIF header, spaces and EOI — no frame, no scan.
        #expect(
            inspect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [UInt8](repeating: 0x20, count: 200) + [0xFF, 0xD9])
                == .failure(.malformed(.jpeg)))
        // A real JPEG with random bytes after its end.
        #expect(inspect(Self.jpeg + noise) == .failure(.malformed(.jpeg)))
    }

    @Test func truncatedOrCorruptedFilesAreMalformed() {
        for image in [Self.jpeg, Self.png, Self.webp, Self.gif, Self.heic] {
            let format = ImageFormat.sniff(image)!
            #expect(inspect(Array(image.dropLast(3))) == .failure(.malformed(format)), "\(format) truncated")
        }
        var crc = Self.png
        crc[30] ^= 0x01
        #expect(inspect(crc) == .failure(.malformed(.png)), "a wrong CRC")
        var scan = Self.jpeg
        scan.insert(contentsOf: [0xFF, 0x12], at: scan.count - 2)
        #expect(inspect(scan) == .failure(.malformed(.jpeg)), "a stray marker inside the scan")
    }

    @Test func hugeDimensionsAreRefused() {
        var wide = Self.jpeg
        // SOF0 at 71: FF C0 len(2) precision height(2) width(2).
        let sof = wide.firstIndex(of: 0xC0)! - 1
        wide[sof + 5] = 0xFF
        wide[sof + 6] = 0xFF
        wide[sof + 7] = 0xFF
        wide[sof + 8] = 0xFF
        #expect(inspect(wide) == .failure(.tooLarge(width: 65_535, height: 65_535)))
    }
}
