import Vapor
import Fluent
import LianxinCore

/// What was done about a resident's request, as its tracking page shows it before asking for an evaluation: the
/// unit that handled it, the result it reported (personal data redacted, `PIIRedactor`) and the photos attached to
/// that result. Only the latest completion (or direct answer) counts (after a reopening the earlier result is history).
/// The reply written for the resident (答复内容) is shown when there is one; without it, the redacted result note.
struct PublicOrderResult: Encodable, Sendable {
    let unit: String
    let text: String
    let at: String
    let photoURLs: [String]

    /// The result of `order`, or nil while it has none (not completed yet, or reopened since).
    static func of(_ order: WorkOrder, _ req: Request) async throws -> PublicOrderResult? {
        guard let status = WorkOrderStatus(rawValue: order.status), Self.shownIn.contains(status) else { return nil }
        guard
            let record = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID())
                .filter(\.$kind ~~ Self.resultKinds).sort(\.$sequence, .descending).first()
        else { return nil }
        let event = try WorkOrderService.decodeEvent(record)
        let text = event.payload.publicReply ?? event.note ?? ""
        let unit = try await order.departmentID.asyncMap { try await Department.find($0, on: req.db)?.name } ?? nil
        let photos = try await photos(of: event, order: order, on: req.db)
        return PublicOrderResult(
            unit: unit ?? "", text: PIIRedactor.redact(text), at: WorkbenchLookup.beijing(record.at),
            photoURLs: photos.compactMap { $0.id.map { "/p/track/\(order.trackingCode)/photos/\($0.uuidString)" } })
    }

    /// The photos of the order's latest result, the only attachments its tracking code opens.
    static func photos(of event: WorkOrderEvent, order: WorkOrder, on db: any Database) async throws -> [Attachment] {
        let ids = event.payload.photoIDs ?? []
        guard !ids.isEmpty else { return [] }
        return try await Attachment.query(on: db).filter(\.$id ~~ ids).filter(\.$orderID == order.requireID()).sort(\.$createdAt).all()
    }

    /// The events that report a result.
    static let resultKinds = [WorkOrderEventKind.completed.rawValue, WorkOrderEventKind.answeredDirectly.rawValue]

    /// The statuses in which the result stands (completed and after, until a reopening).
    static let shownIn: Set<WorkOrderStatus> = [.completed, .reviewed, .evaluated, .closed]

    /// The bytes of a result photo for its tracking code; 404 for any other attachment.
    static func photo(_ req: Request) async throws -> Response {
        let order = try await PublicOrderLookup.find(req)
        guard let status = WorkOrderStatus(rawValue: order.status), shownIn.contains(status),
            let id = req.parameters.get("photo").flatMap(UUID.init(uuidString:)),
            let record = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID())
                .filter(\.$kind == WorkOrderEventKind.completed.rawValue).sort(\.$sequence, .descending).first(),
            let row = try await photos(of: WorkOrderService.decodeEvent(record), order: order, on: req.db).first(where: { $0.id == id }),
            let data = try await req.lianxin.files.get(row.storageKey, on: req.db)
        else {
            throw Problem.notFound("photo")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: String(row.contentType.dropFirst("image/".count)))
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
