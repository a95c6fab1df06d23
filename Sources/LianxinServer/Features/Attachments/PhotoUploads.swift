import Vapor
import Fluent
import Crypto
import LianxinCore

/// Checking and storing order photos, for every surface that takes one (the attachments API, the
/// staff and resident pages, Open311, visits, wishes): the bytes decide the type, the size is
/// limited, an order keeps at most `maximumPerOrder`, and the file is durable before its row exists.
enum PhotoUploads {
    /// Why a photo was added.
    static let purposes: Set<String> = ["intake", "progress", "completion", "information", "evaluation"]
    /// The most photos one order keeps.
    static let maximumPerOrder = 30

    /// Checks and stores the uploaded photo: a raw image body, or the `file` field of a multipart form.
    static func store(_ req: Request, order: WorkOrder, uploader: String, uploaderID: UUID?, defaultPurpose: String) async throws -> Attachment {
        let photo = try Self.photo(in: req)
        let purposeValue = photo.purpose ?? defaultPurpose
        guard purposes.contains(purposeValue) else {
            throw Problem.invalid(field: "/purpose", "one of \(purposes.sorted().joined(separator: ", "))")
        }
        return try await storeBytes(
            photo.data, format: photo.format, purpose: purposeValue, order: order, uploader: uploader, uploaderID: uploaderID,
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
            throw Problem(
                .payloadTooLarge, type: "file-too-large", title: "File too large",
                detail: "at most \(context.settings.maxUploadBytes / 1_048_576) MB / 照片不能超过 \(context.settings.maxUploadBytes / 1_048_576) MB",
                errors: [.init(field: "/file", message: "too large / 文件过大")])
        }
        let data = Data(buffer: bytes)
        guard let format = ImageFormat.sniff(data) else {
            throw Problem(
                .unsupportedMediaType, type: "not-a-photo", title: "Not a photo",
                detail: "only JPEG, PNG, WebP, GIF or HEIC photos / 仅支持 JPEG、PNG、WebP、GIF、HEIC 照片",
                errors: [.init(field: "/file", message: "not a photo / 不是照片")])
        }
        return (data, format, purpose)
    }

    /// Stores checked photo bytes for `order`: the file first (durable when `put` returns), then its row.
    @discardableResult
    static func storeBytes(
        _ data: Data, format: ImageFormat, purpose: String, order: WorkOrder, uploader: String, uploaderID: UUID?,
        context: LianxinContext, on db: any Database
    ) async throws -> Attachment {
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
