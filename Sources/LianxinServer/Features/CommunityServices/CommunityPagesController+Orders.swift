import Vapor
import Fluent
import LianxinCore

/// The service-order page: the menu, ordering and acting on orders.
extension CommunityPagesController {
    struct OrderRow: Encodable, Sendable {
        var order: ServiceOrdersController.OrderDTO
        var created: String
        var canAssign: Bool
        var canTake: Bool
        var canComplete: Bool
        var canCancel: Bool
    }

    struct OrdersModel: Encodable, Sendable {
        var flash: Flash
        var menu: [ServiceOrdersController.ItemDTO]
        var orders: [OrderRow]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canOrder: Bool
        var communityChoice: Bool
        var publicLink: String?
    }

    func orders(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let menu = try await CommunityScope.limit(ServiceMenuItem.query(on: req.db), to: principal).filter(\.$active == true)
            .sort(\.$communityCode).sort(\.$name).all().map(ServiceOrderLookup.dto)
        let records = try await CommunityScope.limit(ServiceOrder.query(on: req.db), to: principal).sort(\.$createdAt, .descending).limit(200).all()
        let canManage = principal.role.can(.manageCommunityServices), canOrder = principal.role.can(.orderCommunityServices)
        let rows = try await ServiceOrderLookup.dtos(records, events: false, req).map { order in
            OrderRow(
                order: order, created: CommunityFormat.time(order.createdAt),
                canAssign: canManage && ["ordered", "assigned"].contains(order.status), canTake: canOrder && order.status == "assigned",
                canComplete: canOrder && order.status == "taken", canCancel: canManage && ["ordered", "assigned"].contains(order.status))
        }
        return try await req.page(
            "community/orders", title: "cs_orders_title",
            model: OrdersModel(
                flash: Flash(req), menu: menu, orders: rows, volunteers: try await Self.volunteerOptions(principal, req), canManage: canManage,
                canOrder: canOrder, communityChoice: principal.division.level != .community,
                publicLink: principal.division.level == .community ? "/p/services/\(principal.division.value)" : nil))
    }

    func addItem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/service-orders") {
            let item = try await ServiceOrderLookup.addItem(
                try req.content.decode(ServiceOrdersController.ItemInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + item.name
        }
    }

    func createOrder(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        return try await req.communityForm(back: "/community/service-orders") {
            let input = try req.content.decode(ServiceOrderService.OrderInput.self)
            let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
            let order = try await ServiceOrderService(req: req).create(input, community: community, principal: principal)
            return req.t("cs_order_created") + " " + order.trackingCode
        }
    }

    func actOnOrder(req: Request) async throws -> Response {
        struct Form: Content { var action: String?; var volunteerId: String?; var reason: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let principal = try await req.require(["assign", "cancel"].contains(form.action ?? "") ? .manageCommunityServices : .orderCommunityServices)
        let order = try await CommunityScope.find(ServiceOrder.self, req, principal, what: "service order")
        return try await req.communityForm(back: "/community/service-orders") {
            let input = ServiceOrderService.ActionInput(
                action: form.action, volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:)),
                reason: form.reason, note: form.note)
            let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: principal.username, resident: false)
            return req.t("cs_saved") + " " + updated.trackingCode
        }
    }
}
