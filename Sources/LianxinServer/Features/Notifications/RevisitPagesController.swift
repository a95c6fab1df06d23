import Fluent
import LianxinCore
import Vapor

/// The page an SMS revisit link opens (`/p/r/<token>`): no sign-in, the reply to the request, and one
/// evaluation; an expired or used link says so. The evaluation counts as given by the link.
struct RevisitPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("p", "r", ":token", use: show)
        routes.post("p", "r", ":token", use: evaluate)
        routes.post("p", "r", ":token", "opt-out", use: optOut)
    }

    struct Model: Encodable, Sendable {
        let token: String
        let number: String
        let title: String
        let result: PublicOrderResult?
        /// `open`, `done` (evaluated), `expired`.
        let state: String
        let satisfactions: [SelectOption]
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let optedOut: Bool
    }

    struct Form: Content {
        var satisfaction: String?
        var solved: String?
        var comment: String?
    }

    func show(req: Request) async throws -> Response {
        let (invitation, order) = try await find(req)
        return try await render(req, invitation: invitation, order: order)
    }

    func evaluate(req: Request) async throws -> Response {
        let (invitation, order) = try await find(req)
        let form = try req.content.decode(Form.self)
        let values = ["satisfaction": form.satisfaction ?? "", "solved": form.solved ?? "", "comment": form.comment ?? ""]
        guard state(invitation, req) == "open" else { return try await render(req, invitation: invitation, order: order) }
        do {
            var checks = InputValidator(req)
            if Satisfaction(rawValue: values["satisfaction"]!) == nil { checks.fail("/satisfaction", key: "notify_revisit_pick_satisfaction") }
            if !["true", "false"].contains(values["solved"]!) { checks.fail("/solved", key: "notify_revisit_pick_solved") }
            try checks.finish()
            let action = try TransitionInput(
                action: "revisit", satisfaction: form.satisfaction, solved: form.solved == "true",
                comment: form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
            ).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let fresh = try await RevisitInvitation.find(invitation.id, on: req.db) ?? invitation
            let errors = problem.fieldMessages(req.language)
            return try await render(
                req, invitation: fresh, order: order, values: values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), status: problem.status)
        }
        return req.redirect(to: "/p/r/\(req.parameters.get("token") ?? "")")
    }

    /// The resident asks for no more SMS: their phone's blind index joins the opt-outs (an existing one stays).
    func optOut(req: Request) async throws -> Response {
        let (_, order) = try await find(req)
        if let index = order.requesterPhoneIndex, try await NotificationOptOut.query(on: req.db).filter(\.$phoneIndex == index).first() == nil {
            let row = NotificationOptOut()
            row.phoneIndex = index
            row.createdAt = req.lianxin.now()
            try await req.lianxin.writes.run { try await row.create(on: req.db) }
        }
        return req.redirect(to: "/p/r/\(req.parameters.get("token") ?? "")")
    }

    private func find(_ req: Request) async throws -> (RevisitInvitation, WorkOrder) {
        guard let token = req.parameters.get("token"),
            let invitation = try await RevisitService.invitation(token: token, context: req.lianxin, on: req.db),
            let order = try await WorkOrder.find(invitation.orderID, on: req.db)
        else { throw Abort(.notFound) }
        return (invitation, order)
    }

    private func state(_ invitation: RevisitInvitation, _ req: Request) -> String {
        if invitation.evaluatedAt != nil { return "done" }
        let expiry = req.lianxin.settings.notifications.revisit.expiry(invitedAt: invitation.invitedAt)
        return req.lianxin.now() >= expiry ? "expired" : "open"
    }

    private func render(
        _ req: Request, invitation: RevisitInvitation, order: WorkOrder, values: [String: String] = [:], errors: [String: String] = [:],
        error: String = "", status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let english = req.language == .en
        let state = state(invitation, req)
        let optedOut =
            try await order.requesterPhoneIndex.asyncMap { index in
                try await NotificationOptOut.query(on: req.db).filter(\.$phoneIndex == index).first() != nil
            } ?? false
        let model = Model(
            token: req.parameters.get("token") ?? "", number: order.number, title: order.title, result: try await PublicOrderResult.of(order, req),
            state: state,
            satisfactions: Satisfaction.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.title(english: english), selected: values["satisfaction"] == $0.rawValue)
            },
            values: values, errors: errors, error: error, optedOut: optedOut)
        return try await req.page("notifications/revisit", title: "notify_revisit_title", model: model, status: state == "expired" ? .gone : status)
    }
}
