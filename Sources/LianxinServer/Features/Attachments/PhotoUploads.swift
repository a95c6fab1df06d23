import Vapor
import Fluent
import Crypto
import LianxinCore

/// Checking and storing order photos, for every surface that takes one (the attachments API, the
/// staff and resident pages, Open311, visits, wishes): the bytes decide the type and must be a
/// well-formed image (`ImageInspector`), the size is limited (less for the public, who also have
/// per-address quotas and a few photos an order), an order keeps at most `maximumPerOrder`, and the
/// file is durable before its row exists.
enum PhotoUploads {
    /// Why a photo was added.
    static let purposes: Set<String> = ["intake", "progress", "completion", "information", "evaluation", "evidence", "verification"]
    /// The most photos one order keeps.
    static let maximumPerOrder = 30

    /// Who sends the photo: staff (up to `LIANXIN_MAX_UPLOAD_MB`) or the public (resident pages and
    /// Open311: `LIANXIN_PUBLIC_PHOTO_MB`, per-address quotas, a few photos an order).
    enum Audience { case staff, `public` }

    /// Uploaders that are the public, whose photos count against `publicPhotosPerOrder`.
    static let publicUploaders: Set<String> = ["resident", "open311"]

    /// Checks and stores the uploaded photo: a raw image body, or the `file` field of a multipart form.
    static func store(
        _ req: Request, order: WorkOrder, uploader: String, uploaderID: UUID?, defaultPurpose: String, audience: Audience = .staff
    ) async throws -> Attachment {
        let photo = try Self.photo(in: req, audience: audience)
        let purposeValue = photo.purpose ?? defaultPurpose
        guard purposes.contains(purposeValue) else {
            throw Problem.invalid(field: "/purpose", "choose one of the options offered / 请从给出的选项中选择")
        }
        return try await storeBytes(
            photo.data, format: photo.format, purpose: purposeValue, order: order, uploader: uploader, uploaderID: uploaderID,
            context: req.lianxin, on: req.db)
    }

    /// The photo in the request — the raw body, or a multipart `file` (with an optional `purpose`) —
    /// checked: present, within the audience's size limit (413), a well-formed image by its bytes
    /// (415), of sensible dimensions (422); a public photo is also charged to the sender's quota (429).
    static func photo(in req: Request, audience: Audience = .staff) throws -> (data: Data, format: ImageFormat, purpose: String?) {
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
        guard let bytes, bytes.readableBytes > 0 else { throw Problem.invalid(field: "/file", InputValidator(req).message("px_photo_missing")) }
        let checked = try check(Data(buffer: bytes), audience: audience, req)
        return (checked.data, checked.format, purpose)
    }

    /// Checks photo bytes for `audience` (size, structure, dimensions, quota) and gives their format
    /// and the bytes to keep: a public photo without the GPS position in its EXIF (`PhotoLocation`).
    static func check(_ data: Data, audience: Audience, _ req: Request) throws -> (format: ImageFormat, data: Data) {
        let context = req.lianxin
        let texts = InputValidator(req)
        let limit = audience == .public ? context.settings.exposure.publicPhotoBytes : context.settings.maxUploadBytes
        guard data.count <= limit else {
            let message = texts.message("px_photo_too_large", ["mb": String(limit / 1_048_576)])
            throw Problem(
                .payloadTooLarge, type: "file-too-large", title: "File too large", detail: message, errors: [.init(field: "/file", message: message)])
        }
        let image: ImageInspector.Image
        switch ImageInspector.inspect(data) {
        case .success(let inspected): image = inspected
        case .failure(.notAnImage):
            let message = texts.message("px_photo_not_image")
            throw Problem(
                .unsupportedMediaType, type: "not-a-photo", title: "Not a photo", detail: message, errors: [.init(field: "/file", message: message)])
        case .failure(.malformed(let format)):
            let message = texts.message("px_photo_malformed", ["format": format.rawValue.uppercased()])
            throw Problem(
                .unsupportedMediaType, type: "not-a-photo", title: "Not a photo", detail: message, errors: [.init(field: "/file", message: message)])
        case .failure(.tooLarge(let width, let height)):
            throw Problem.invalid(
                field: "/file",
                texts.message("px_photo_dimensions", ["width": String(width), "height": String(height), "side": String(ImageInspector.maximumSide)]))
        }
        guard audience == .public else { return (image.format, data) }
        try chargeQuota(req)
        return (image.format, PhotoLocation.scrubbed(data, format: image.format))
    }

    /// Counts one public photo against the sender's address: per hour and per day (429 beyond).
    static func chargeQuota(_ req: Request) throws {
        let context = req.lianxin
        let limits = context.settings.exposure
        let client = req.clientIP ?? "unknown"
        let now = context.now()
        guard context.limits.allow("public-photo-hour:\(client)", quota: limits.publicUploadsPerHour, per: 3_600, at: now),
            context.limits.allow("public-photo-day:\(client)", quota: limits.publicUploadsPerDay, per: 86_400, at: now)
        else {
            context.metrics.increment("lianxin_rate_limited_total", labels: [("limit", "public-photo")])
            let message = InputValidator(req).message(
                "px_photo_quota", ["hour": String(limits.publicUploadsPerHour), "day": String(limits.publicUploadsPerDay)])
            throw Problem(
                .tooManyRequests, type: "rate-limited", title: "Too many requests", detail: message, errors: [.init(field: "/file", message: message)]
            )
        }
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
        let publicLimit = context.settings.exposure.publicPhotosPerOrder
        if publicUploaders.contains(uploader),
            try await Attachment.query(on: db).filter(\.$orderID == orderID).filter(\.$uploader ~~ Array(publicUploaders)).count() >= publicLimit
        {
            let message = InputValidator(context.localizer).message("px_photo_per_order", ["count": String(publicLimit)])
            throw Problem.conflict(message, field: "/file")
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
