import Fluent
import LianxinCore
import Vapor

/// The pages of requester marks: `/orders/<id>/requester-mark` proposes a mark on the order's caller (the number
/// is the order's, never typed), and `/requester-marks` is the centre's list of proposals to decide and marks in force.
struct RequesterMarkPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("orders", ":id", "requester-mark", use: proposalForm)
        routes.post("orders", ":id", "requester-mark", use: propose)
        routes.get("requester-marks", use: list)
        routes.post("requester-marks", ":id", "decision", use: decide)
    }

    struct Line: Encodable, Sendable {
        let id: String
        let kind: String
        let reason: String
        let orderID: String
        let orderNumber: String
        let phone: String
        let proposed: String
        let decided: String
        let expires: String
        let days: Int
        let canDecide: Bool
        let error: String
        let note: String
    }

    struct FormModel: Encodable, Sendable {
        let orderID: String
        let orderNumber: String
        let orderTitle: String
        let phone: String
        let kinds: [SelectOption]
        let days: String
    }

    struct ListModel: Encodable, Sendable {
        let pending: [Line]
        let inForce: [Line]
        let notice: String
    }

    func proposalForm(req: Request) async throws -> Response {
        let principal = try await req.require(.proposeRequesterMarks)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let echo = req.formEcho
        let kinds =
            [SelectOption(value: "", label: req.t("mark_choose_kind"))]
            + RequesterMarkKind.allCases.map { SelectOption(value: $0.rawValue, label: req.t("mark_kind_\($0.rawValue)")) }
        let model = FormModel(
            orderID: try order.requireID().uuidString, orderNumber: order.number, orderTitle: order.title,
            phone: try maskedPhone(order, req), kinds: kinds.selecting(echo.values["kind"] ?? ""),
            days: echo.values["days"] ?? String(RequesterMarkRules.defaultDays))
        return try await req.page("requester-marks/propose", title: "mark_propose_title", model: model)
    }

    func propose(req: Request) async throws -> Response {
        let principal = try await req.require(.proposeRequesterMarks)
        let input = try req.content.decode(RequesterMarkService.Proposal.self)
        let id = req.parameters.get("id") ?? ""
        do {
            _ = try await RequesterMarkService(req: req, principal: principal).propose(orderID: id, input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/orders/\(id)/requester-mark", problem: problem)
        }
        return req.redirect(to: "/orders/\(id)?marked=1")
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.readRequesterMarks)
        let (pending, inForce) = try await RequesterMarkService(req: req, principal: principal).list()
        let echo = req.formEcho
        let canDecide = principal.role.can(.decideRequesterMarks)
        func line(_ mark: RequesterMark) async throws -> Line {
            let id = mark.id?.uuidString ?? ""
            let order = try await WorkOrder.find(mark.orderID, on: req.db)
            let refused = echo.action == "/requester-marks/\(id)/decision"
            return Line(
                id: id, kind: req.t("mark_kind_\(mark.kind)"), reason: mark.reason, orderID: mark.orderID.uuidString,
                orderNumber: mark.orderNumber, phone: try order.map { try maskedPhone($0, req) } ?? "",
                proposed: "\(mark.proposedByName) \(WorkbenchLookup.beijing(mark.proposedAt))",
                decided: mark.decidedAt.map { "\(mark.decidedByName ?? "") \(WorkbenchLookup.beijing($0))" } ?? "",
                expires: mark.expiresAt.map { LocalDate($0, in: WorkCalendar.shanghai).description } ?? "", days: mark.days,
                canDecide: canDecide && mark.proposedBy != principal.userID,
                error: refused ? (echo.errors["note"] ?? echo.message) : "", note: refused ? echo.values["note"] ?? "" : "")
        }
        var pendingLines: [Line] = []
        for mark in pending { pendingLines.append(try await line(mark)) }
        var inForceLines: [Line] = []
        for mark in inForce { inForceLines.append(try await line(mark)) }
        let notice = req.query[String.self, at: "decided"].map { req.t("mark_decided_\($0)") } ?? ""
        return try await req.page(
            "requester-marks/list", title: "mark_list_title", model: ListModel(pending: pendingLines, inForce: inForceLines, notice: notice))
    }

    func decide(req: Request) async throws -> Response {
        let principal = try await req.require(.decideRequesterMarks)
        let input = try req.content.decode(RequesterMarkService.Decision.self)
        do {
            _ = try await RequesterMarkService(req: req, principal: principal).decide(req.parameters.get("id"), input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/requester-marks", problem: problem)
        }
        return req.redirect(to: "/requester-marks?decided=\(RequesterMarkAction(rawValue: input.action ?? "")?.rawValue ?? "approve")")
    }

    /// The order's caller's number, masked (the page never shows it whole).
    private func maskedPhone(_ order: WorkOrder, _ req: Request) throws -> String {
        guard let cipher = order.requesterPhoneCipher else { return "" }
        let phone = try req.lianxin.cipher.open(cipher, for: .workOrderRequesterPhone, row: try order.requireID())
        return PersonalDataMask.phone(phone)
    }
}
