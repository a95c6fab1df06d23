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
        let order = try await PublicOrderLookup.find(req)
        return try await PublicOrderLookup.view(order, req)
    }

    struct EvaluationInput: Content {
        var satisfaction: String?
        var solved: Bool?
        var comment: String?
        var phoneSuffix: String?
    }

    func evaluate(req: Request) async throws -> PublicOrder {
        let order = try await PublicOrderLookup.find(req)
        let input = try req.content.decode(EvaluationInput.self)
        try PublicOrderLookup.confirmRequester(order, phoneSuffix: input.phoneSuffix, req)
        let action = try TransitionInput(
            action: "revisit", satisfaction: input.satisfaction, solved: input.solved,
            comment: input.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        ).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await PublicOrderLookup.view(updated, req)
    }

    struct ReopenInput: Content { var reason: String?; var phoneSuffix: String? }

    func reopen(req: Request) async throws -> PublicOrder {
        let order = try await PublicOrderLookup.find(req)
        let input = try req.content.decode(ReopenInput.self)
        try PublicOrderLookup.confirmRequester(order, phoneSuffix: input.phoneSuffix, req)
        let action = try TransitionInput(action: "reopen", reason: input.reason).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await PublicOrderLookup.view(updated, req)
    }
}
