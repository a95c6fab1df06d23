import Fluent
import LianxinCore
import Vapor

/// The data pack a phone keeps for when there is no signal.
extension FieldAppController {
    struct Pack: Content {
        struct Household: Content {
            var householdId: UUID
            var address: String
            /// The household's tags by their labels (独居老人、低保户).
            var tags: String
            var dueOn: String
            var overdueDays: Int
            var lastVisit: String
        }

        struct Order: Content {
            var id: UUID
            var number: String
            var title: String
            var description: String
            var address: String
            var statusTitle: String
            /// The deadline of the running clock, Beijing time ("" when none runs).
            var dueLabel: String
            /// The steps the phone offers now: `sign`, `arrive`, `addProgressNote`, `complete`.
            var actions: [String]
            var photos: [String]
        }

        /// When the pack was made, Beijing time.
        var madeAt: String
        var canVisit: Bool
        var visits: [Household]
        var orders: [Order]
    }

    /// The steps a handler may take on the phone in each status (the order machine still decides when they arrive).
    static func phoneSteps(_ status: WorkOrderStatus) -> [String] {
        switch status {
        case .dispatched, .reopened: ["sign"]
        case .signed: ["arrive", "addProgressNote", "complete"]
        case .arrived, .inProgress: ["addProgressNote", "complete"]
        default: []
        }
    }

    /// `GET /api/v1/field/pack`: the visits due of a grid member (their grid only) and the orders of a handler's unit
    /// that wait for a step, with up to four photos each; nothing outside the person's scope.
    func pack(req: Request) async throws -> Pack {
        let principal = try await req.require(.viewWorkOrders)
        let english = req.language == .en
        var visits: [Pack.Household] = []
        let canVisit = principal.role.can(.recordVisits) && principal.role.can(.viewResidents)
        if canVisit {
            let due = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).due(req: req)
            let label = Dictionary(
                try await ResidentTagRecord.query(on: req.db).all().compactMap { t in t.id.map { ($0, english ? t.englishLabel : t.chineseLabel) } },
                uniquingKeysWith: { a, _ in a })
            visits = due.prefix(Self.visitLimit).map { item in
                Pack.Household(
                    householdId: item.householdId, address: item.address,
                    tags: item.tags.map { label[$0] ?? $0 }.joined(separator: english ? ", " : "、"), dueOn: item.dueOn,
                    overdueDays: item.daysOverdue, lastVisit: item.lastVisitAt.map(WorkbenchLookup.beijing) ?? "—")
            }
        }
        var orders: [Pack.Order] = []
        if let department = principal.departmentID {
            let statuses: [WorkOrderStatus] = [.dispatched, .reopened, .signed, .arrived, .inProgress]
            let rows = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$departmentID == department)
                .filter(\.$status ~~ statuses.map(\.rawValue)).sort(\.$createdAt).limit(Self.orderLimit).allOrders()
            var lookup = try await WorkbenchLookup.load(req)
            try await lookup.loadDivisions(of: rows.map(\.divisionCode), on: req.db)
            let ids = rows.compactMap(\.id)
            let photos = Dictionary(
                grouping: try await Attachment.query(on: req.db).filter(\.$orderID ~~ ids).sort(\.$createdAt).all(), by: \.orderID)
            for row in rows {
                let id = try row.requireID()
                let summary = try lookup.summary(row)
                let status = WorkOrderStatus(rawValue: row.status) ?? .received
                orders.append(
                    Pack.Order(
                        id: id, number: row.number, title: row.title, description: row.description, address: row.address ?? "",
                        statusTitle: summary.statusTitle, dueLabel: summary.dueLabel, actions: Self.phoneSteps(status),
                        photos: (photos[id] ?? []).prefix(Self.photosPerOrder).compactMap { photo in
                            photo.id.map { "/api/v1/work-orders/\(id)/attachments/\($0)" }
                        }))
            }
        }
        return Pack(madeAt: WorkbenchLookup.beijing(req.lianxin.now()), canVisit: canVisit, visits: visits, orders: orders)
    }
}
