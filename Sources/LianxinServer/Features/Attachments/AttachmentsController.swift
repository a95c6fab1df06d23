import Vapor
import Fluent
import Crypto
import LianxinCore

/// Photos on orders: staff attach them (intake, progress, completion), residents add them through
/// their tracking code. The bytes decide the type (JPEG, PNG, WebP, GIF, HEIC); anything else is
/// refused, as is anything over the size limit. A photo can then be cited by id in a transition
/// (`photoIds` of a progress note, completion or added information).
struct AttachmentsController: RouteCollection {
    /// The largest body the photo routes read (the photo limit plus room for a multipart envelope);
    /// anything bigger is refused with 413 before it is buffered.
    let maxBody: ByteCount
    /// The same for the residents' route, which takes a public photo at most.
    let maxPublicBody: ByteCount

    init(maxUploadBytes: Int, publicPhotoBytes: Int) {
        maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536)
        maxPublicBody = ByteCount(integerLiteral: publicPhotoBytes + 65_536)
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, "work-orders", ":id", "attachments", body: .collect(maxSize: maxBody), use: upload)
        api.get("work-orders", ":id", "attachments", use: list)
        api.get("work-orders", ":id", "attachments", ":attachmentId", use: download)
        let track = api.grouped("public", "orders", ":code")
        track.on(.POST, "attachments", body: .collect(maxSize: maxPublicBody), use: publicUpload)
        track.post("information", use: addInformation)
    }

    struct AttachmentDTO: Content {
        var id: UUID
        var purpose: String
        var contentType: String
        var byteSize: Int
        var sha256: String
        var uploader: String
        var createdAt: Date
        var url: String?

        init(_ row: Attachment, url: String?) throws {
            id = try row.requireID()
            purpose = row.purpose
            contentType = row.contentType
            byteSize = row.byteSize
            sha256 = row.sha256
            uploader = row.uploader
            createdAt = row.createdAt
            self.url = url
        }
    }

    func upload(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let row = try await PhotoUploads.store(
            req, order: order, uploader: principal.role.rawValue, uploaderID: principal.userID, defaultPurpose: "progress")
        let id = try order.requireID()
        return try await AttachmentDTO(row, url: "/api/v1/work-orders/\(id)/attachments/\(try row.requireID())")
            .encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [AttachmentDTO] {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let id = try order.requireID()
        return try await Attachment.query(on: req.db).filter(\.$orderID == id).sort(\.$createdAt).all()
            .map { try AttachmentDTO($0, url: "/api/v1/work-orders/\(id)/attachments/\(try $0.requireID())") }
    }

    func download(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        guard let attachmentID = req.parameters.get("attachmentId").flatMap(UUID.init(uuidString:)),
            let row = try await Attachment.find(attachmentID, on: req.db), row.orderID == order.id,
            let data = try await req.lianxin.files.get(row.storageKey, on: req.db)
        else {
            throw Problem.notFound("attachment")
        }
        if req.headers.first(name: .ifNoneMatch) == "\"\(row.sha256)\"" { return Response(status: .notModified) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: String(row.contentType.dropFirst("image/".count)))
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        headers.replaceOrAdd(name: .eTag, value: "\"\(row.sha256)\"")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
