import Vapor
import Fluent
import LianxinCore

/// A volunteer's personal link (no account): the community issues it (audited; a new link replaces the old one),
/// and on `/p/volunteer/{token}` the volunteer or party member sees their points and takes (接单), declines or
/// completes the service orders assigned to them — the same actions, checked by the same machine, as staff record.
struct VolunteerLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").post("volunteers", ":id", "link", use: issue)
        routes.get("p", "volunteer", ":token", use: page)
        routes.post("p", "volunteer", ":token", "orders", ":id", use: act)
        routes.post("community", "volunteers", ":id", "link", use: issueFromPage)
    }

    struct LinkDTO: Content { var volunteerId: UUID; var url: String }

    func issue(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let volunteer = try await CommunityScope.find(Volunteer.self, req, principal, what: "volunteer")
        return try await Self.issue(volunteer, req).encodeResponse(status: .created, for: req)
    }

    static func issue(_ volunteer: Volunteer, _ req: Request) async throws -> LinkDTO {
        let token = FieldCipher.randomToken(bytes: 24)
        volunteer.linkTokenHash = req.lianxin.cipher.tokenHash(token)
        try await req.lianxin.writes.run { try await volunteer.update(on: req.db) }
        let id = try volunteer.requireID()
        await req.audit(.tokenCreated, result: .success, target: "volunteer-link:\(id)")
        return LinkDTO(volunteerId: id, url: "/p/volunteer/\(token)")
    }

    struct IssuedModel: Encodable, Sendable { var name: String; var url: String }

    func issueFromPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let volunteer = try await CommunityScope.find(Volunteer.self, req, principal, what: "volunteer")
        let link = try await Self.issue(volunteer, req)
        return try await req.page("community/volunteer-link", title: "cs_link_title", model: IssuedModel(name: volunteer.name, url: link.url))
    }

    struct PageModel: Encodable, Sendable {
        var token: String
        var name: String
        var balance: Int
        var minutes: Int
        var orders: [Row]
        var notice: String?
        var error: String?
        struct Row: Encodable, Sendable {
            var id: String
            var itemName: String
            var resident: String
            var address: String
            var note: String
            var statusTitle: String
            var canTake: Bool
            var canComplete: Bool
        }
    }

    func page(req: Request) async throws -> Response {
        let (token, volunteer) = try await Self.volunteer(req)
        return try await Self.render(
            token, volunteer, notice: try? req.query.get(String.self, at: "notice"),
            error: try? req.query.get(String.self, at: "error"), req)
    }

    static func render(_ token: String, _ volunteer: Volunteer, notice: String?, error: String?, _ req: Request) async throws -> Response {
        let id = try volunteer.requireID()
        let orders = try await ServiceOrder.query(on: req.db).filter(\.$volunteerID == id)
            .filter(\.$status ~~ [ServiceOrderStatus.assigned.rawValue, ServiceOrderStatus.taken.rawValue]).sort(\.$createdAt).all()
        let language = req.displayLanguage
        let minutes = try await SignUp.query(on: req.db).filter(\.$volunteerID == id).all(\.$minutes).compactMap { $0 }.reduce(0, +)
        return try await req.page(
            "community/volunteer", title: "cs_my_services",
            model: PageModel(
                token: token, name: volunteer.name, balance: try await PointsLedgerStore.balance(of: id, on: req.db), minutes: minutes,
                orders: try orders.map { order in
                    PageModel.Row(
                        id: try order.requireID().uuidString, itemName: order.itemName, resident: order.residentName, address: order.address,
                        note: order.note, statusTitle: (ServiceOrderStatus(rawValue: order.status) ?? .assigned).title(language),
                        canTake: order.status == ServiceOrderStatus.assigned.rawValue, canComplete: order.status == ServiceOrderStatus.taken.rawValue)
                },
                notice: notice, error: error))
    }

    /// take, decline (with a reason) or complete (with a note) one of the volunteer's own orders.
    func act(req: Request) async throws -> Response {
        let (token, volunteer) = try await Self.volunteer(req)
        let volunteerID = try volunteer.requireID()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let order = try await ServiceOrder.find(id, on: req.db),
            order.volunteerID == volunteerID
        else { throw Problem.notFound("service order") }
        struct Form: Content { var action: String?; var reason: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        guard ["take", "decline", "complete"].contains(form.action ?? "") else {
            throw Problem.invalid(field: "/action", "take, decline or complete")
        }
        let back = "/p/volunteer/\(token)"
        do {
            _ = try await ServiceOrderService(req: req).apply(
                ServiceOrderService.ActionInput(action: form.action, volunteerId: volunteerID, reason: form.reason, note: form.note),
                to: id, actor: "volunteer:\(volunteer.name)", resident: false)
            return req.redirect(to: back + "?notice=" + CommunityFormat.queryEscaped(req.t("cs_saved")))
        } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableEntity {
            return req.redirect(to: back + "?error=" + CommunityFormat.queryEscaped(CommunityFormat.message(problem, req.language)))
        }
    }

    static func volunteer(_ req: Request) async throws -> (String, Volunteer) {
        guard let token = req.parameters.get("token"), (20...80).contains(token.count),
            let volunteer = try await Volunteer.query(on: req.db).filter(\.$linkTokenHash == req.lianxin.cipher.tokenHash(token)).first()
        else {
            throw Problem.notFound("volunteer link")
        }
        return (token, volunteer)
    }
}
