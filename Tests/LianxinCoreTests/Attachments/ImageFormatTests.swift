import Testing
import Foundation
@testable import LianxinCore

@Suite struct ImageFormatTests {
    @Test(
        arguments: [
            ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], ImageFormat.jpeg),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], .png),
            (Array("RIFF".utf8) + [0x24, 0x00, 0x00, 0x00] + Array("WEBPVP8 ".utf8), .webp),
            (Array("GIF89a".utf8) + [0x01, 0x00], .gif),
            ([0x00, 0x00, 0x00, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], .heic),
            ([0x00, 0x00, 0x00, 0x1C] + Array("ftypmif1".utf8) + [0, 0, 0, 0], .heic),
        ] as [([UInt8], ImageFormat)])
    func recognisesPhotosByTheirFirstBytes(bytes: [UInt8], format: ImageFormat) {
        #expect(ImageFormat.sniff(bytes) == format)
        #expect(ImageFormat.sniff(Data(bytes)) == format)
    }

    @Test(arguments: [
        Array("%PDF-1.7\n".utf8),
        Array("<svg xmlns=\"http://www.w3.org/2000/svg\">".utf8),
        Array("<script>alert(1)</script>".utf8),
        Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8),
        [0x00, 0x00, 0x00, 0x18] + Array("ftypmp42".utf8),
        [0xFF, 0xD8],
        [],
    ])
    func refusesEverythingElse(bytes: [UInt8]) {
        #expect(ImageFormat.sniff(bytes) == nil)
    }
}
