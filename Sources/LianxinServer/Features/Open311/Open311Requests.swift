import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Orders as GeoReport service requests, as the public may see them: text through `PIIRedactor`
/// (phones, ID and card numbers, names, door numbers), the address without its door detail, the
/// position rounded to about 100 m (`CoarseLocation`), nothing about the requester.
struct Open311Requests {
    let req: Request

    init(_ req: Request) { self.req = req }

    func describe(_ orders: [WorkOrder], notes: Bool) async throws -> [Open311Value] {
        let context = req.lianxin
        let catalog = try await ReferenceData.catalog(context.referenceCache, on: req.db)
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: req.db)
        let departments = Dictionary(catalog.departments.values.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ids = orders.compactMap(\.id)
        let events = ids.isEmpty ? [] : try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID ~~ ids).sort(\.$sequence).all()
        let eventsByOrder = Dictionary(grouping: events, by: \.orderID)
        let media = ids.isEmpty ? [] : try await Attachment.query(on: req.db).filter(\.$orderID ~~ ids).filter(\.$uploader == "open311").all()
        let mediaByOrder = Dictionary(grouping: media, by: \.orderID)
        let base = context.settings.publicBaseURL
        let now = context.now()
        return try orders.map { order in
            let status = WorkOrderStatus(rawValue: order.status) ?? .received
            let history = eventsByOrder[order.id ?? UUID()] ?? []
            // The reply written for the resident (答复内容) when there is one; otherwise the last closing note.
            let reply = (try? WorkOrderService.decodeState(order))?.publicReply
            let closingNote =
                reply ?? (status.isOpen ? nil : history.last { ["completed", "closed", "cancelled"].contains($0.kind) && $0.note != nil }?.note)
            let expected = try WorkOrderService.decodeClocks(order).clocks.first { $0.stage == .complete }.map { $0.due(asOf: now, in: calendar) }
            var fields: [(String, Open311Value)] = [
                ("service_request_id", .string(order.number)),
                ("status", .string(status.isOpen ? "open" : "closed")),
                ("status_notes", .text(closingNote.map(PIIRedactor.redact))),
                ("service_name", .string(catalog.categories[order.categoryCode]?.name ?? order.categoryCode)),
                ("service_code", .string(order.categoryCode)),
                ("description", .string(PIIRedactor.redact(order.description))),
                ("agency_responsible", .text(order.departmentID.flatMap { departments[$0] })),
                ("service_notice", .null),
                ("requested_datetime", .string(Open311Writer.dateTime(order.createdAt))),
                ("updated_datetime", .string(Open311Writer.dateTime(order.updatedAt))),
                ("expected_datetime", .text(expected.map { Open311Writer.dateTime($0) })),
                ("address", .text(order.address.map(PIIRedactor.redact))),
                ("address_id", .null),
                ("zipcode", .null),
                ("lat", order.latitude.map { .number(CoarseLocation.coarsen($0)) } ?? .null),
                ("long", order.longitude.map { .number(CoarseLocation.coarsen($0)) } ?? .null),
                ("media_url", .text(try mediaByOrder[order.id ?? UUID()]?.first.map { "\(base)/open311/v2/media/\(try $0.requireID())" })),
            ]
            if notes {
                let publicKinds: Set<String> = [
                    "created", "accepted", "dispatched", "signed", "arrived", "progressStarted", "completed",
                    "evaluated", "reopened", "closed", "closedWithParent", "cancelled", "informationAdded", "answeredDirectly",
                ]
                fields.append(
                    (
                        "extended_attributes",
                        .object([
                            ("channel", .string(order.channel)),
                            ("division_code", .string(order.divisionCode)),
                            (
                                "notes",
                                .list(
                                    item: "note",
                                    history.filter { publicKinds.contains($0.kind) }.map { event in
                                        .object([
                                            ("datetime", .string(Open311Writer.dateTime(event.at))),
                                            ("summary", .string((WorkOrderStatus(rawValue: event.toStatus) ?? status).title(english: false))),
                                            ("type", .string(event.kind)),
                                            (
                                                "description",
                                                .text(
                                                    event.kind == "informationAdded" || event.kind == "completed" || event.kind == "closed"
                                                        ? event.note.map(PIIRedactor.redact) : nil)
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    ))
            }
            return .object(fields)
        }
    }
}
