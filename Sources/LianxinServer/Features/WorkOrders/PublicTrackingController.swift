import Vapor
import Fluent
import LianxinCore

/// What a resident may do with the tracking code of their request: follow it (personal data
/// masked, staff names hidden), evaluate it, and ask to reopen it within the allowed window.
struct PublicTrackingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let track = routes.grouped("api", "v1", "public", "orders", ":code")
        track.get(use: show)
        track.post("evaluation", use: evaluate)
        track.post("reopen", use: reopen)
    }

    struct PublicOrder: Content {
        struct Step: Content {
            var at: Date
            var kind: String
            var title: String
        }
        var number: String
        var trackingCode: String
        var status: String
        var statusTitle: String
        var open: Bool
        var title: String
        var category: String
        var createdAt: Date
        var requesterName: String?
        var requesterPhone: String?
        var canEvaluate: Bool
        var history: [Step]
    }

    func show(req: Request) async throws -> PublicOrder {
        let order = try await Self.find(req)
        return try await Self.view(order, req)
    }

    struct EvaluationInput: Content {
        var satisfaction: String?
        var solved: Bool?
        var comment: String?
    }

    func evaluate(req: Request) async throws -> PublicOrder {
        let order = try await Self.find(req)
        let input = try req.content.decode(EvaluationInput.self)
        let action = try TransitionInput(action: "revisit", satisfaction: input.satisfaction, solved: input.solved,
                                         comment: input.comment?.trimmingCharacters(in: .whitespacesAndNewlines)).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await Self.view(updated, req)
    }

    struct ReopenInput: Content { var reason: String? }

    func reopen(req: Request) async throws -> PublicOrder {
        let order = try await Self.find(req)
        let reason = try req.content.decode(ReopenInput.self).reason
        let action = try TransitionInput(action: "reopen", reason: reason).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await Self.view(updated, req)
    }

    static func find(_ req: Request) async throws -> WorkOrder {
        guard let code = req.parameters.get("code").flatMap(TrackingCode.normalized),
              let order = try await WorkOrder.query(on: req.db).filter(\.$trackingCode == code).first() else {
            throw Problem.notFound("tracking code")
        }
        return order
    }

    /// Event kinds a resident sees in their request's history.
    private static let publicKinds: Set<String> = [
        "created", "accepted", "dispatched", "redispatched", "signed", "arrived", "progressStarted", "completed",
        "evaluated", "reopened", "closed", "closedWithParent", "merged", "shelved", "cancelled",
    ]

    static func view(_ order: WorkOrder, _ req: Request) async throws -> PublicOrder {
        let english = req.language == .en
        let status = WorkOrderStatus(rawValue: order.status) ?? .received
        let category = try await Category.find(order.categoryCode, on: req.db)
        let events = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID()).sort(\.$sequence).all()
        let history = events.filter { publicKinds.contains($0.kind) }.map { record in
            PublicOrder.Step(at: record.at, kind: record.kind,
                             title: (WorkOrderStatus(rawValue: record.toStatus) ?? .received).title(english: english))
        }
        return PublicOrder(
            number: order.number, trackingCode: order.trackingCode, status: status.rawValue, statusTitle: status.title(english: english),
            open: status.isOpen, title: order.title, category: category?.name ?? order.categoryCode, createdAt: order.createdAt,
            requesterName: order.requesterName.map(PersonalDataMask.name),
            requesterPhone: try order.requesterPhoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0)) },
            canEvaluate: status == .completed || status == .reviewed, history: history)
    }
}
