import Foundation
import Testing
@testable import LianxinCore

/// A phone photo's GPS position is erased before the photo is kept for the public; the rest stays.
@Suite struct PhotoLocationTests {
    /// A little-endian TIFF: IFD0 with an orientation and the GPS pointer; a GPS directory with
    /// latitude reference "N" (inline) and latitude 28° 27′ 12.34″ (three rationals, pointed to).
    static let tiff: [UInt8] = {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16) }
        let gpsAt = 8 + 2 + 2 * 12 + 4
        let dataAt = gpsAt + 2 + 2 * 12 + 4
        var bytes: [UInt8] = [0x49, 0x49, 42, 0] + u32(8)
        bytes += u16(2) + u16(0x0112) + u16(3) + u32(1) + u16(6) + u16(0)  // orientation 6
        bytes += u16(0x8825) + u16(4) + u32(1) + u32(gpsAt) + u32(0)
        bytes += u16(2) + u16(0x0001) + u16(2) + u32(2) + [0x4E, 0, 0, 0]
        bytes += u16(0x0002) + u16(5) + u32(3) + u32(dataAt) + u32(0)
        bytes += u32(28) + u32(1) + u32(27) + u32(1) + u32(1234) + u32(100)
        return bytes
    }()

    static var jpegWithGPS: [UInt8] {
        let app1 = [0xFF, 0xE1] + [UInt8((tiff.count + 8) >> 8), UInt8((tiff.count + 8) & 0xFF)] + Array("Exif".utf8) + [0, 0] + tiff
        return Array(ImageInspectorTests.jpeg.prefix(2)) + app1 + Array(ImageInspectorTests.jpeg.dropFirst(2))
    }

    @Test func item14_theGPSPositionOfAJPEGIsErasedAndTheRestKept() throws {
        let photo = Data(Self.jpegWithGPS)
        #expect(try ImageInspector.inspect(photo).get().format == .jpeg)
        #expect(PhotoLocation.hasLocation(photo, format: .jpeg))
        let scrubbed = PhotoLocation.scrubbed(photo, format: .jpeg)
        #expect(!PhotoLocation.hasLocation(scrubbed, format: .jpeg))
        #expect(scrubbed.count == photo.count)
        #expect(ImageInspector.inspect(scrubbed) == ImageInspector.inspect(photo), "still the same well-formed 1×1 JPEG")
        let bytes = [UInt8](scrubbed)
        let rationals: [UInt8] = [28, 0, 0, 0, 1, 0, 0, 0, 27, 0, 0, 0]
        #expect(!bytes.indices.contains { bytes[$0...].starts(with: rationals) }, "the latitude is gone")
        #expect(bytes.indices.contains { bytes[$0...].starts(with: [0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0]) }, "the orientation stays")
    }

    @Test func pngAndWebPLoseTheirGPSToo() throws {
        // PNG: an eXIf chunk before IEND, with its CRC.
        let png = ImageInspectorTests.png
        let type = Array("eXIf".utf8)
        let crc = PNGWalk.crc(ArraySlice(type + Self.tiff))
        let chunk = ImageInspectorTests.le32BE(Self.tiff.count) + type + Self.tiff + ImageInspectorTests.le32BE(Int(crc))
        let withEXIF = Data(png.dropLast(12) + chunk + png.suffix(12))
        #expect(try ImageInspector.inspect(withEXIF).get().format == .png && PhotoLocation.hasLocation(withEXIF, format: .png))
        let scrubbedPNG = PhotoLocation.scrubbed(withEXIF, format: .png)
        #expect(!PhotoLocation.hasLocation(scrubbedPNG, format: .png))
        #expect(try ImageInspector.inspect(scrubbedPNG).get().format == .png, "the chunk's CRC was recomputed")

        // WebP: an EXIF chunk after the image.
        let webp = ImageInspectorTests.webp
        let exif = Array("EXIF".utf8) + ImageInspectorTests.le32(Self.tiff.count) + Self.tiff
        let body = Array(webp.dropFirst(8)) + exif
        let withWebPEXIF = Data(Array("RIFF".utf8) + ImageInspectorTests.le32(body.count) + body)
        #expect(try ImageInspector.inspect(withWebPEXIF).get().format == .webp && PhotoLocation.hasLocation(withWebPEXIF, format: .webp))
        #expect(!PhotoLocation.hasLocation(PhotoLocation.scrubbed(withWebPEXIF, format: .webp), format: .webp))
    }

    @Test func photosWithoutEXIFAreUnchanged() {
        for (bytes, format) in [(ImageInspectorTests.jpeg, ImageFormat.jpeg), (ImageInspectorTests.png, .png), (ImageInspectorTests.gif, .gif)] {
            #expect(PhotoLocation.scrubbed(Data(bytes), format: format) == Data(bytes))
            #expect(!PhotoLocation.hasLocation(Data(bytes), format: format))
        }
    }
}
