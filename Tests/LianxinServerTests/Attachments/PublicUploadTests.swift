import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// Issue 16 item 14: what the public can upload (real images only, 3 MB, a quota per address, a few
/// photos an order) and how big an import may be.
@Suite("Public uploads and import limits")
struct PublicUploadTests {
    /// A baseline 1×1 JPEG (tables, frame, one scan, EOI).
    static let jpeg: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        + [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]
        + [0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        + [0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        + [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9]

    /// `count` random bytes behind a JPEG signature: what the penetration test sent as a "photo".
    static func forged(_ count: Int) -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        return [0xFF, 0xD8, 0xFF, 0xE0] + (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    static func multipart(_ fields: [String: String], file: [UInt8]?) -> (bytes: [UInt8], type: HTTPMediaType) {
        let boundary = "lianxin-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
            body += file + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// Posts the resident report form with `photo`; answers the response.
    static func report(_ app: Application, photo: [UInt8]?) async throws -> TestingHTTPResponse {
        let resident = TestClient(app: app)
        let token = try #require(TestClient.csrfToken(in: try await resident.send(.GET, "/p/report").body.string))
        let form = multipart(["_csrf": token, "description": "小区门口路灯坏了好几天", "divisionCode": "361102001001"], file: photo)
        return try await resident.send(.POST, "/p/report", headers: ["X-CSRF-Token": token], raw: form)
    }

    static func order(_ app: Application) async throws -> WorkOrder {
        try await Open311PrivacyTests.hotlineOrder(app, channel: "miniProgram", description: "路灯不亮")
    }

    @Test func item14_aRandomBytesPhotoIsRefusedOnEveryUploadPath() async throws {
        try await withLianxin(demo: true) { app, _ in
            let before = try await WorkOrder.query(on: app.db).count()
            let fake = try await Self.report(app, photo: Self.forged(1_000_000))
            #expect(fake.status == .unsupportedMediaType)
            #expect(fake.body.string.contains("id=\"r-photo-error\"") && fake.body.string.contains("内容不完整或已损坏"), "a form error on the photo")
            #expect(try await WorkOrder.query(on: app.db).count() == before, "nothing filed")
            let real = try await Self.report(app, photo: Self.jpeg)
            #expect(real.status == .seeOther, "a real photo is taken")

            let order = try await Self.order(app)
            let anonymous = TestClient(app: app)
            let tracked = try await anonymous.send(
                .POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (Self.forged(50_000), .jpeg))
            #expect(tracked.status == .unsupportedMediaType && tracked.body.string.contains("/file"))
            let staff = try await Staff.signIn(app)
            let staffUpload = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(try order.requireID())/attachments", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                raw: (Self.forged(50_000), .jpeg))
            #expect(staffUpload.status == .unsupportedMediaType, "staff uploads are checked the same way")
            let key = try await Open311Tests.key(app)
            let media = Self.multipart(["api_key": key, "service_code": "0101", "address_string": "劳动路12号"], file: nil)
            let boundary = try #require(media.type.parameters["boundary"])
            let mediaBody =
                Array(media.bytes.prefix(media.bytes.count - "--\(boundary)--\r\n".utf8.count))
                + Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"media\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
                + Self.forged(50_000) + Array("\r\n--\(boundary)--\r\n".utf8)
            let filed = try await app.testing().sendRequest(
                .POST, "/open311/v2/requests.json", headers: ["Content-Type": media.type.serialize()], body: ByteBuffer(bytes: mediaBody))
            #expect(filed.status == .badRequest && filed.body.string.contains("media"), "\(filed.body.string)")
            #expect(try await Attachment.query(on: app.db).filter(\.$orderID == order.requireID()).count() == 0)
        }
    }

    @Test func item14_publicPhotosAreCappedAtThreeMegabytesStaffOnesAtTheUploadLimit() async throws {
        try await withLianxin(demo: true) { app, _ in
            // Well-formed (a JPEG padded after its end) but 3.5 MB.
            let big = Self.jpeg + [UInt8](repeating: 0, count: 3_500_000)
            #expect(try await Self.report(app, photo: big).status == .payloadTooLarge)
            let order = try await Self.order(app)
            let anonymous = TestClient(app: app)
            let tracked = try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (big, .jpeg))
            #expect(tracked.status == .payloadTooLarge)
            let justUnder = Self.jpeg + [UInt8](repeating: 0, count: 3 * 1_048_576 - Self.jpeg.count)
            let fits = try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (justUnder, .jpeg))
            #expect(fits.status == .created)
            #expect(
                try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (justUnder + [0], .jpeg)).status
                    == .payloadTooLarge)
            let staff = try await Staff.signIn(app)
            let staffUpload = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(try order.requireID())/attachments", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                raw: (big, .jpeg))
            #expect(staffUpload.status == .created, "staff keep LIANXIN_MAX_UPLOAD_MB (10)")
        }
    }

    @Test func item14_publicUploadsHaveAQuotaPerAddressAndAFewPhotosAnOrder() async throws {
        try await withLianxin(demo: true, settings: SecurityLimitSettings.values) { app, _ in
            let first = try await Self.order(app), second = try await Self.order(app)
            let anonymous = TestClient(app: app)
            func upload(_ order: WorkOrder) async throws -> TestingHTTPResponse {
                try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (Self.jpeg, .jpeg))
            }
            #expect(try await upload(first).status == .created)
            #expect(try await upload(first).status == .created)
            let third = try await upload(first)
            #expect(third.status == .conflict && third.body.string.contains("2"), "two public photos an order")
            let overQuota = try await upload(second)
            #expect(overQuota.status == .tooManyRequests, "three an hour from one address")
            #expect(overQuota.body.string.contains("3"))
            let report = try await Self.report(app, photo: Self.jpeg)
            #expect(report.status == .tooManyRequests && report.body.string.contains("id=\"r-photo-error\""))
        }
    }

    /// The 1×1 JPEG with an EXIF block holding a GPS latitude (28/1, 27/1, …).
    static var jpegWithGPS: [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16) }
        var tiff: [UInt8] = [0x49, 0x49, 42, 0] + u32(8) + u16(1) + u16(0x8825) + u16(4) + u32(1) + u32(26) + u32(0)
        tiff += u16(1) + u16(0x0002) + u16(5) + u32(3) + u32(44) + u32(0) + u32(28) + u32(1) + u32(27) + u32(1) + u32(1234) + u32(100)
        let app1 = [0xFF, 0xE1] + u16(tiff.count + 8).reversed() + Array("Exif".utf8) + [0, 0] + tiff
        return Array(jpeg.prefix(2)) + app1 + Array(jpeg.dropFirst(2))
    }

    @Test func item14_publicPhotosAreKeptWithoutTheirGPSPosition() async throws {
        try await withLianxin(demo: true) { app, _ in
            #expect(PhotoLocation.hasLocation(Data(Self.jpegWithGPS), format: .jpeg))
            let order = try await Self.order(app)
            let anonymous = TestClient(app: app)
            let sent = try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (Self.jpegWithGPS, .jpeg))
            #expect(sent.status == .created)
            let row = try #require(try await Attachment.query(on: app.db).filter(\.$orderID == order.requireID()).first())
            let stored = try #require(try await app.lianxin.files.get(row.storageKey, on: app.db))
            #expect(stored.count == Self.jpegWithGPS.count && !PhotoLocation.hasLocation(stored, format: .jpeg))
        }
    }

    @Test func item14_importsAreCappedInBytesRowsAndVertices() async throws {
        try await withLianxin(demo: true, settings: SecurityLimitSettings.values) { app, _ in
            let community = TestClient(app: app)
            try await community.login("community")
            let csrf = try await community.csrf()
            let rows = "姓名,身份证号\n" + (0..<5).map { "居民\($0),36110219900101\(String(format: "%04d", $0))\n" }.joined()
            let tooManyRows = try await community.send(
                .POST, "/api/v1/residents/import", headers: ["X-CSRF-Token": csrf], raw: (Array(rows.utf8), .plainText))
            #expect(tooManyRows.status == .payloadTooLarge && tooManyRows.body.string.contains("3"), "\(tooManyRows.body.string)")
            let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 1_500_000)
            let tooBig = try await community.send(
                .POST, "/api/v1/residents/import", headers: ["X-CSRF-Token": csrf, "Content-Length": String(huge.count)], raw: (huge, .plainText))
            #expect(tooBig.status == .payloadTooLarge && tooBig.body.string.contains("1 MB"), "\(tooBig.body.string)")

            // A grid of 1,200 vertices, over the cap of 1,000.
            let ring = (0..<1_200).map { index -> String in
                let angle = Double(index) / 1_200 * 2 * Double.pi
                return "[\(117.94 + 0.001 * cos(angle)),\(28.45 + 0.001 * sin(angle))]"
            }
            let geoJSON = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"361102001001-99","parent":"361102001001"},\
                "geometry":{"type":"Polygon","coordinates":[[\(ring.joined(separator: ",")),\(ring[0])]]}}]}
                """
            await #expect(throws: Problem.self) {
                _ = try await GridImporter(app: app).importGeoJSON(
                    Data(geoJSON.utf8), coordinates: .wgs84, replace: false, within: nil,
                    actor: AuditActor(id: nil, name: "test", role: nil, division: nil),
                    dryRun: true)
            }
            do {
                _ = try await GridImporter(app: app).importGeoJSON(
                    Data(geoJSON.utf8), coordinates: .wgs84, replace: false, within: nil,
                    actor: AuditActor(id: nil, name: "test", role: nil, division: nil),
                    dryRun: true)
            } catch let problem as Problem {
                #expect(problem.status == .payloadTooLarge && problem.detail.contains("1000") && problem.detail.contains("1200"))
            }
        }
    }
}
