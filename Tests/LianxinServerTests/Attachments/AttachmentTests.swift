import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// Photos on orders: recognised by their bytes, size-limited, kept behind the file-store protocol
/// (disk or database), cited by transitions, and added by residents through their tracking code.
@Suite("Attachments and the resident's added information")
struct AttachmentTests {
    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    /// A 1×1 JPEG, well-formed to its end (a signature alone is no longer a photo).
    static let jpeg: [UInt8] = PublicUploadTests.jpeg

    func upload(_ client: TestClient, _ path: String, _ bytes: [UInt8], type: HTTPMediaType = .png, query: String = "") async throws
        -> TestingHTTPResponse
    {
        var headers: HTTPHeaders = [:]
        if !client.cookies.isEmpty { headers.add(name: "X-CSRF-Token", value: try await client.csrf()) }
        return try await client.send(.POST, path + query, headers: headers, raw: (bytes, type))
    }

    @Test(arguments: ["disk", "database"])
    func photosAreCheckedStoredServedAndCitedByTransitions(store: String) async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_FILE_STORE": store, "LIANXIN_MAX_UPLOAD_MB": "1"]) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try (try await staff.create()).json(WorkOrderDTO.self)
            let base = "/api/v1/work-orders/\(order.id)/attachments"

            let stored = try await upload(staff.operatorClient, base, Self.png, query: "?purpose=intake")
            #expect(stored.status == .created)
            let attachment = try stored.json(AttachmentsController.AttachmentDTO.self)
            #expect(attachment.contentType == "image/png" && attachment.byteSize == Self.png.count && attachment.purpose == "intake")
            // A JPEG declared as PNG is stored as what it is.
            let mislabelled = try await upload(staff.operatorClient, base, Self.jpeg, type: .png)
            #expect(try mislabelled.json(AttachmentsController.AttachmentDTO.self).contentType == "image/jpeg")

            let script = try await upload(staff.operatorClient, base, Array("<script>alert(1)</script>".utf8), type: .png)
            #expect(script.status == .unsupportedMediaType)
            #expect(script.body.string.contains("/file"))
            let huge = try await upload(staff.operatorClient, base, Self.jpeg + [UInt8](repeating: 0, count: 1_100_000), type: .jpeg)
            #expect(huge.status == .payloadTooLarge)
            #expect(try await upload(staff.operatorClient, base, [], type: .png).status == .unprocessableEntity)
            #expect(try await upload(staff.operatorClient, base, Self.png, query: "?purpose=selfie").status == .unprocessableEntity)
            #expect(try await count("attachments", app) == 2, "refused uploads leave nothing behind")

            let fetched = try await staff.operatorClient.send(.GET, "\(base)/\(attachment.id)")
            #expect(fetched.status == .ok && Array(fetched.body.readableBytesView) == Self.png)
            #expect(fetched.headers.contentType == .png && fetched.headers.first(name: .eTag) == "\"\(attachment.sha256)\"")
            let list = try (try await staff.operatorClient.send(.GET, base)).json([AttachmentsController.AttachmentDTO].self)
            #expect(list.count == 2)

            // Out of scope: the handler's department has not been sent the order yet.
            #expect(try await staff.handler.send(.GET, "\(base)/\(attachment.id)").status == .notFound)
            #expect(try await upload(staff.handler, base, Self.png).status == .notFound)

            // Transitions may cite only this order's photos.
            let department = try await staff.departmentID("XZ-CG")
            let id = order.id.uuidString
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": department])
            for action in ["sign", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
            let foreign = try await staff.handler.send(
                .POST, "/api/v1/work-orders/\(id)/transitions",
                headers: ["X-CSRF-Token": try await staff.handler.csrf()],
                json: TransitionBody(action: "complete", note: "已修复", photoIds: [UUID()]))
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("/photoIds"))
            let after = try await upload(staff.handler, base, Self.jpeg, type: .jpeg, query: "?purpose=completion")
            let afterPhoto = try after.json(AttachmentsController.AttachmentDTO.self)
            let completed = try await staff.handler.send(
                .POST, "/api/v1/work-orders/\(id)/transitions",
                headers: ["X-CSRF-Token": try await staff.handler.csrf()],
                json: TransitionBody(action: "complete", note: "已修复", photoIds: [afterPhoto.id]))
            #expect(completed.status == .ok)
            if store == "database" { #expect(try await count("file_blobs", app) == 3) }
        }
    }

    @Test func aResidentAddsAPhotoAndInformationWhichRestartsThePausedClocks() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, anonymous in
            let staff = try await Staff.signIn(app)
            let order = try (try await staff.create()).json(WorkOrderDTO.self)
            let id = order.id.uuidString
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            try await staff.act(staff.handler, id, ["action": "sign"])
            #expect(try await staff.act(staff.handler, id, ["action": "pause", "reason": "请诉求人提供路灯编号照片"]).status == .ok)
            clock.advance(3_600)

            let code = order.trackingCode
            let photo = try await upload(anonymous, "/api/v1/public/orders/\(code)/attachments", Self.jpeg, type: .jpeg)
            #expect(photo.status == .created)
            let photoID = try photo.json(AttachmentsController.AttachmentDTO.self).id
            #expect(try photo.field("url") == nil || (try photo.field("url")) is NSNull, "no staff link in the resident's answer")
            let blank = try await anonymous.send(.POST, "/api/v1/public/orders/\(code)/information", json: ["note": "  "])
            #expect(blank.status == .unprocessableEntity)
            let added = try await anonymous.send(
                .POST, "/api/v1/public/orders/\(code)/information",
                json: InformationBody(note: "路灯编号 A-17，照片已上传", photoIds: [photoID]))
            #expect(added.status == .ok)
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            let state = try WorkOrderService.decodeState(row)
            #expect(!state.isPaused && state.pauses.count == 1 && state.pauses[0].end == clock.now)
            let last = try #require(
                try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).sort(\.$sequence, .descending).first())
            #expect(last.kind == "informationAdded" && last.actor == "resident" && last.note == "路灯编号 A-17，照片已上传")
            #expect(try await anonymous.send(.POST, "/api/v1/public/orders/NOSUCHCODE/information", json: ["note": "x"]).status == .notFound)
        }
    }

    struct InformationBody: Encodable { var note: String; var photoIds: [UUID] }
}

@Suite("Order lists read rows without reflection")
struct OrderListReaderTests {
    @Test func eachListedOrderEqualsItsDetail() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            for index in 0..<3 {
                body["title"] = "路灯不亮 \(index)"
                if index == 1 { body["requesterPhone"] = nil; body["requesterName"] = nil }
                #expect(try await staff.create(body).status == .created)
            }
            let page = try await staff.dispatcher.send(.GET, "/api/v1/work-orders?limit=10")
            struct Page: Decodable { var items: [WorkOrderDTO] }
            let items = try page.json(Page.self).items
            #expect(items.count == 3)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            encoder.dateEncodingStrategy = .iso8601
            for item in items {
                let detail = try (try await staff.dispatcher.send(.GET, "/api/v1/work-orders/\(item.id)")).json(WorkOrderDTO.self)
                #expect(try encoder.encode(item) == encoder.encode(detail), "\(item.title)")
            }
        }
    }
}

@Suite("Upload bodies are capped before they are read")
struct UploadCapTests {
    @Test func aBodyFarOverTheLimitIsRefusedWith413() async throws {
        try await withLianxin(demo: true, settings: ["LIANXIN_MAX_UPLOAD_MB": "1"]) { app, anonymous in
            let staff = try await Staff.signIn(app)
            let order = try (try await staff.create()).json(WorkOrderDTO.self)
            let huge = [UInt8](repeating: 0xFF, count: 3 * 1_048_576)
            let response = try await anonymous.send(.POST, "/api/v1/public/orders/\(order.trackingCode)/attachments", raw: (huge, .jpeg))
            #expect(response.status == .payloadTooLarge)
            #expect(try await count("attachments", app) == 0)
        }
    }
}
