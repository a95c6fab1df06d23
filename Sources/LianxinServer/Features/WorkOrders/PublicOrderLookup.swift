import Vapor
import Fluent
import LianxinCore

/// A resident's order found by its tracking code, and what the resident may see of it, for the
/// tracking API, the residents' pages and the photos residents add.
enum PublicOrderLookup {
    typealias PublicOrder = PublicTrackingController.PublicOrder

    /// The order of the tracking code in the path; 404 for an unknown or mistyped code.
    static func find(_ req: Request) async throws -> WorkOrder {
        guard let code = req.parameters.get("code").flatMap(TrackingCode.normalized),
            let order = try await WorkOrder.query(on: req.db).filter(\.$trackingCode == code).first()
        else {
            throw Problem.notFound("tracking code")
        }
        return order
    }

    /// Event kinds a resident sees in their request's history.
    private static let publicKinds: Set<String> = [
        "created", "accepted", "dispatched", "redispatched", "signed", "arrived", "progressStarted", "completed",
        "evaluated", "reopened", "closed", "closedWithParent", "merged", "shelved", "cancelled",
    ]

    /// The resident's view of their order: masked personal data and the public part of its history.
    static func view(_ order: WorkOrder, _ req: Request) async throws -> PublicOrder {
        let english = req.language == .en
        let status = WorkOrderStatus(rawValue: order.status) ?? .received
        let category = try await Category.find(order.categoryCode, on: req.db)
        let events = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID()).sort(\.$sequence).all()
        let history = events.filter { publicKinds.contains($0.kind) }.map { record in
            PublicOrder.Step(
                at: record.at, kind: record.kind,
                title: (WorkOrderStatus(rawValue: record.toStatus) ?? .received).title(english: english))
        }
        return PublicOrder(
            number: order.number, trackingCode: order.trackingCode, status: status.rawValue, statusTitle: status.title(english: english),
            open: status.isOpen, title: order.title, category: category?.name ?? order.categoryCode, createdAt: order.createdAt,
            requesterName: order.requesterName.map(PersonalDataMask.name),
            requesterPhone: try order.requesterPhoneCipher.map {
                PersonalDataMask.phone(try req.lianxin.cipher.open($0, for: .workOrderRequesterPhone, row: try order.requireID()))
            },
            canEvaluate: (status == .completed || status == .reviewed) && canConfirm(order), history: history)
    }

    /// Checks that whoever evaluates or reopens the order by its code is its requester
    /// (`RequesterConfirmation`: the last four digits of their phone).
    static func confirmRequester(_ order: WorkOrder, phoneSuffix: String?, _ req: Request) throws {
        try RequesterConfirmation.check(
            sealedPhone: order.requesterPhoneCipher, in: .workOrderRequesterPhone, row: try order.requireID(), typed: phoneSuffix, req)
    }

    /// Whether the order can be confirmed by its requester at all (it has a phone).
    static func canConfirm(_ order: WorkOrder) -> Bool { order.requesterPhoneCipher != nil }
}
