import Vapor
import Fluent
import Crypto
import LianxinCore

/// Photos on orders: staff attach them (intake, progress, completion), residents add them through
/// their tracking code. The bytes decide the type (JPEG, PNG, WebP, GIF, HEIC); anything else is
/// refused, as is anything over the size limit. A photo can then be cited by id in a transition
/// (`photoIds` of a progress note, completion or added information).
struct AttachmentsController: RouteCollection {
    /// Why a photo was added.
    static let purposes: Set<String> = ["intake", "progress", "completion", "information", "evaluation"]
    /// The most photos one order keeps.
    static let maximumPerOrder = 30

    /// The largest body the photo routes read (the photo limit plus room for a multipart envelope);
    /// anything bigger is refused with 413 before it is buffered.
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, "work-orders", ":id", "attachments", body: .collect(maxSize: maxBody), use: upload)
        api.get("work-orders", ":id", "attachments", use: list)
        api.get("work-orders", ":id", "attachments", ":attachmentId", use: download)
        let track = api.grouped("public", "orders", ":code")
        track.on(.POST, "attachments", body: .collect(maxSize: maxBody), use: publicUpload)
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
        let order = try await WorkOrdersController.find(req.parameters.get("id"), for: principal, on: req)
        let row = try await Self.store(req, order: order, uploader: principal.role.rawValue, uploaderID: principal.userID, defaultPurpose: "progress")
        let id = try order.requireID()
        return try await AttachmentDTO(row, url: "/api/v1/work-orders/\(id)/attachments/\(try row.requireID())")
            .encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [AttachmentDTO] {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrdersController.find(req.parameters.get("id"), for: principal, on: req)
        let id = try order.requireID()
        return try await Attachment.query(on: req.db).filter(\.$orderID == id).sort(\.$createdAt).all()
            .map { try AttachmentDTO($0, url: "/api/v1/work-orders/\(id)/attachments/\(try $0.requireID())") }
    }

    func download(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrdersController.find(req.parameters.get("id"), for: principal, on: req)
        guard let attachmentID = req.parameters.get("attachmentId").flatMap(UUID.init(uuidString:)),
              let row = try await Attachment.find(attachmentID, on: req.db), row.orderID == order.id,
              let data = try await req.lianxin.files.get(row.storageKey, on: req.db) else {
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

    func publicUpload(req: Request) async throws -> Response {
        let order = try await PublicTrackingController.find(req)
        guard WorkOrderStatus(rawValue: order.status)?.isOpen == true else {
            throw Problem.conflict("The request is finished; photos can no longer be added / 诉求已办结，不能再上传照片")
        }
        let row = try await Self.store(req, order: order, uploader: "resident", uploaderID: nil, defaultPurpose: "information")
        return try await AttachmentDTO(row, url: nil).encodeResponse(status: .created, for: req)
    }

    struct InformationInput: Content {
        var note: String?
        var photoIds: [UUID]?
    }

    /// 补充信息: the resident adds details (and photos already uploaded) to their open request.
    func addInformation(req: Request) async throws -> PublicTrackingController.PublicOrder {
        let order = try await PublicTrackingController.find(req)
        let input = try req.content.decode(InformationInput.self)
        let action = try TransitionInput(action: "addInformation", note: input.note?.trimmingCharacters(in: .whitespacesAndNewlines),
                                         photoIds: input.photoIds).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await PublicTrackingController.view(updated, req)
    }

    /// Checks and stores the uploaded photo: a raw image body, or the `file` field of a multipart form.
    static func store(_ req: Request, order: WorkOrder, uploader: String, uploaderID: UUID?, defaultPurpose: String) async throws -> Attachment {
        let photo = try photo(in: req)
        let purposeValue = photo.purpose ?? defaultPurpose
        guard purposes.contains(purposeValue) else {
            throw Problem.invalid(field: "/purpose", "one of \(purposes.sorted().joined(separator: ", "))")
        }
        return try await storeBytes(photo.data, format: photo.format, purpose: purposeValue, order: order, uploader: uploader, uploaderID: uploaderID,
                                    context: req.lianxin, on: req.db)
    }

    /// The photo in the request — the raw body, or a multipart `file` (with an optional `purpose`) —
    /// checked: present, within `LIANXIN_MAX_UPLOAD_MB` (413), an image by its bytes (415).
    static func photo(in req: Request) throws -> (data: Data, format: ImageFormat, purpose: String?) {
        let context = req.lianxin
        var bytes: ByteBuffer?
        var purpose = try? req.query.get(String.self, at: "purpose")
        if req.headers.contentType?.type == "multipart" {
            struct Form: Content { var file: File?; var purpose: String? }
            let form = try req.content.decode(Form.self)
            bytes = form.file?.data
            purpose = form.purpose ?? purpose
        } else {
            bytes = req.body.data
        }
        guard let bytes, bytes.readableBytes > 0 else { throw Problem.invalid(field: "/file", "no file was sent / 未收到文件") }
        guard bytes.readableBytes <= context.settings.maxUploadBytes else {
            throw Problem(.payloadTooLarge, type: "file-too-large", title: "File too large",
                          detail: "at most \(context.settings.maxUploadBytes / 1_048_576) MB / 照片不能超过 \(context.settings.maxUploadBytes / 1_048_576) MB",
                          errors: [.init(field: "/file", message: "too large / 文件过大")])
        }
        let data = Data(buffer: bytes)
        guard let format = ImageFormat.sniff(data) else {
            throw Problem(.unsupportedMediaType, type: "not-a-photo", title: "Not a photo",
                          detail: "only JPEG, PNG, WebP, GIF or HEIC photos / 仅支持 JPEG、PNG、WebP、GIF、HEIC 照片",
                          errors: [.init(field: "/file", message: "not a photo / 不是照片")])
        }
        return (data, format, purpose)
    }

    /// Stores checked photo bytes for `order`: the file first (durable when `put` returns), then its row.
    @discardableResult
    static func storeBytes(_ data: Data, format: ImageFormat, purpose: String, order: WorkOrder, uploader: String, uploaderID: UUID?,
                           context: LianxinContext, on db: any Database) async throws -> Attachment {
        let orderID = try order.requireID()
        if try await Attachment.query(on: db).filter(\.$orderID == orderID).count() >= maximumPerOrder {
            throw Problem.conflict("An order keeps at most \(maximumPerOrder) photos / 每个工单最多 \(maximumPerOrder) 张照片", field: "/file")
        }
        let row = Attachment()
        row.id = UUID()
        row.orderID = orderID
        row.purpose = purpose
        row.contentType = format.contentType
        row.byteSize = data.count
        row.sha256 = Data(SHA256.hash(data: data)).hexString
        row.storageKey = UUID().uuidString.lowercased()
        row.uploader = uploader
        row.uploaderID = uploaderID
        row.createdAt = context.now()
        try await context.storeFile(data, key: row.storageKey, on: db) { try await row.create(on: db) }
        return row
    }
}
