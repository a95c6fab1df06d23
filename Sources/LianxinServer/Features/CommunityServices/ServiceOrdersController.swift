import Vapor
import Fluent
import LianxinCore

/// The service menu and service orders through the API: staff order for a resident, the community assigns, the
/// volunteer's take and completion are recorded, the resident evaluates with the tracking code.
struct ServiceOrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("service-menu", use: menu)
        api.post("service-menu", use: addItem)
        api.get("service-orders", use: list)
        api.post("service-orders", use: create)
        api.get("service-orders", ":id", use: show)
        api.post("service-orders", ":id", "actions", use: act)
        let open = api.grouped("public")
        open.get("service-menu", ":community", use: publicMenu)
        open.post("service-orders", use: publicCreate)
        open.get("service-orders", ":code", use: publicShow)
        open.post("service-orders", ":code", "evaluation", use: publicEvaluate)
    }

    struct ItemInput: Content {
        var communityCode: String?
        var name: String?
        var description: String?
    }

    struct ItemDTO: Content {
        var id: UUID
        var communityCode: String
        var name: String
        var description: String
        var active: Bool
    }

    struct EventDTO: Content {
        var sequence: Int
        var action: String
        var fromStatus: String?
        var toStatus: String
        var actor: String
        var volunteerId: UUID?
        var note: String?
        var at: Date
    }

    struct OrderDTO: Content {
        var id: UUID
        var trackingCode: String
        var communityCode: String
        var itemId: UUID
        var itemName: String
        var residentName: String
        /// Masked (138****5678).
        var phone: String
        var address: String
        var note: String
        var status: String
        var statusTitle: String
        var volunteerId: UUID?
        var volunteerName: String?
        var source: String
        var completionNote: String?
        var satisfaction: String?
        var solved: Bool?
        var comment: String?
        var createdAt: Date
        var updatedAt: Date
        var events: [EventDTO]?
    }

    /// What the resident sees with the tracking code: no staff or volunteer names, personal data masked.
    struct PublicOrderDTO: Content {
        var trackingCode: String
        var itemName: String
        var residentName: String
        var status: String
        var statusTitle: String
        var canEvaluate: Bool
        var satisfaction: String?
        var createdAt: Date
        var history: [PublicStep]
    }

    struct PublicStep: Content { var action: String; var status: String; var at: Date }

    // MARK: Menu

    func menu(req: Request) async throws -> [ItemDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let community = try? req.query.get(String.self, at: "community")
        return try await CommunityScope.limit(ServiceMenuItem.query(on: req.db), to: principal, community: community)
            .sort(\.$communityCode).sort(\.$name).limit(1000).all().map(Self.dto)
    }

    func addItem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let item = try await Self.addItem(try req.content.decode(ItemInput.self), principal: principal, req)
        return try await Self.dto(item).encodeResponse(status: .created, for: req)
    }

    static func addItem(_ input: ItemInput, principal: Principal, _ req: Request) async throws -> ServiceMenuItem {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let details = checks.text(input.description, "/description", 0...500)
        try checks.finish()
        let item = ServiceMenuItem()
        item.communityCode = community.id ?? ""
        item.name = name
        item.details = details
        item.active = true
        item.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await item.create(on: req.db) }
        return item
    }

    func publicMenu(req: Request) async throws -> [ItemDTO] {
        let community = try await Self.publicCommunity(req.parameters.get("community"), req)
        return try await ServiceMenuItem.query(on: req.db).filter(\.$communityCode == community.id ?? "").filter(\.$active == true)
            .sort(\.$name).all().map(Self.dto)
    }

    // MARK: Orders

    func list(req: Request) async throws -> [OrderDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(ServiceOrderRecord.query(on: req.db), to: principal,
                                         community: try? req.query.get(String.self, at: "community"))
        if let status = try? req.query.get(String.self, at: "status") {
            guard ServiceOrderStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "one of \(ServiceOrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query = query.filter(\.$status == status)
        }
        let orders = try await query.sort(\.$createdAt, .descending).limit(500).all()
        return try await Self.dtos(orders, events: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let input = try req.content.decode(ServiceOrderService.OrderInput.self)
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        let order = try await ServiceOrderService(req: req).create(input, community: community, principal: principal)
        return try await Self.dtos([order], events: true, req)[0].encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> OrderDTO {
        let principal = try await req.require(.viewCommunityServices)
        let order = try await CommunityScope.find(ServiceOrderRecord.self, req, principal, what: "service order")
        return try await Self.dtos([order], events: true, req)[0]
    }

    /// Assigning and cancelling are the community's; taking, declining and completing are recorded by the staff
    /// on behalf of the volunteer or party member; evaluating is the resident's (or recorded for them).
    func act(req: Request) async throws -> OrderDTO {
        let input = try req.content.decode(ServiceOrderService.ActionInput.self)
        let principal = try await req.require(["assign", "cancel"].contains(input.action ?? "") ? .manageCommunityServices : .orderCommunityServices)
        let order = try await CommunityScope.find(ServiceOrderRecord.self, req, principal, what: "service order")
        let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: principal.username, resident: false)
        return try await Self.dtos([updated], events: true, req)[0]
    }

    func publicCreate(req: Request) async throws -> Response {
        let input = try req.content.decode(ServiceOrderService.OrderInput.self)
        guard let code = input.communityCode, CommunityScope.isCode(code), let community = try await Division.find(code, on: req.db),
              community.level == DivisionLevel.community.rawValue else {
            throw Problem.invalid(field: "/communityCode", "a community or village / 社区不存在")
        }
        let order = try await ServiceOrderService(req: req).create(input, community: community, principal: nil)
        return try await Self.publicDTO(order, req).encodeResponse(status: .created, for: req)
    }

    func publicShow(req: Request) async throws -> PublicOrderDTO {
        try await Self.publicDTO(try await Self.byCode(req.parameters.get("code"), req), req)
    }

    func publicEvaluate(req: Request) async throws -> PublicOrderDTO {
        let order = try await Self.byCode(req.parameters.get("code"), req)
        var input = try req.content.decode(ServiceOrderService.ActionInput.self)
        input.action = "evaluate"
        let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: "resident", resident: true)
        return try await Self.publicDTO(updated, req)
    }

    // MARK: Shared

    static func byCode(_ text: String?, _ req: Request) async throws -> ServiceOrderRecord {
        guard let code = text.flatMap(TrackingCode.normalized),
              let order = try await ServiceOrderRecord.query(on: req.db).filter(\.$trackingCode == code).first() else {
            throw Problem.notFound("tracking code")
        }
        return order
    }

    static func publicCommunity(_ code: String?, _ req: Request) async throws -> Division {
        guard let code, CommunityScope.isCode(code), let community = try await Division.find(code, on: req.db), community.level == DivisionLevel.community.rawValue else {
            throw Problem.notFound("community")
        }
        return community
    }

    static func dto(_ item: ServiceMenuItem) throws -> ItemDTO {
        ItemDTO(id: try item.requireID(), communityCode: item.communityCode, name: item.name, description: item.details, active: item.active)
    }

    static func dtos(_ orders: [ServiceOrderRecord], events withEvents: Bool, _ req: Request) async throws -> [OrderDTO] {
        let volunteerIDs = Array(Set(orders.compactMap(\.volunteerID)))
        let names = volunteerIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await VolunteerRecord.query(on: req.db)
            .filter(\.$id ~~ volunteerIDs).all().map { ($0.id ?? UUID(), $0.name) })
        let language = req.displayLanguage
        let cipher = req.lianxin.cipher
        var result: [OrderDTO] = []
        for order in orders {
            let id = try order.requireID()
            let events = withEvents ? try await ServiceOrderEventRecord.query(on: req.db).filter(\.$orderID == id).sort(\.$sequence).all()
                .map { EventDTO(sequence: $0.sequence, action: $0.action, fromStatus: $0.fromStatus, toStatus: $0.toStatus, actor: $0.actor,
                                volunteerId: $0.volunteerID, note: $0.note, at: $0.at) } : nil
            let status = ServiceOrderStatus(rawValue: order.status) ?? .ordered
            result.append(OrderDTO(
                id: id, trackingCode: order.trackingCode, communityCode: order.communityCode, itemId: order.itemID, itemName: order.itemName,
                residentName: order.residentName, phone: PersonalDataMask.phone((try? cipher.open(order.phoneCipher)) ?? ""),
                address: order.address, note: order.note, status: order.status, statusTitle: status.title(language),
                volunteerId: order.volunteerID, volunteerName: order.volunteerID.flatMap { names[$0] }, source: order.source,
                completionNote: order.completionNote, satisfaction: order.satisfaction, solved: order.solved, comment: order.comment,
                createdAt: order.createdAt, updatedAt: order.updatedAt, events: events))
        }
        return result
    }

    static func publicDTO(_ order: ServiceOrderRecord, _ req: Request) async throws -> PublicOrderDTO {
        let events = try await ServiceOrderEventRecord.query(on: req.db).filter(\.$orderID == order.requireID()).sort(\.$sequence).all()
        let status = ServiceOrderStatus(rawValue: order.status) ?? .ordered
        let language = req.displayLanguage
        return PublicOrderDTO(
            trackingCode: order.trackingCode, itemName: order.itemName, residentName: PersonalDataMask.name(order.residentName),
            status: order.status, statusTitle: status.title(language), canEvaluate: status == .completed, satisfaction: order.satisfaction,
            createdAt: order.createdAt,
            history: events.map { PublicStep(action: $0.action, status: (ServiceOrderStatus(rawValue: $0.toStatus) ?? .ordered).title(language), at: $0.at) })
    }
}
