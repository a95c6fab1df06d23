import Vapor
import Fluent
import LianxinCore

/// Staff listing, ordering and acting on service orders.
extension ServiceOrdersController {
    func list(req: Request) async throws -> [OrderDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(
            ServiceOrder.query(on: req.db), to: principal,
            community: try? req.query.get(String.self, at: "community"))
        if let status = try? req.query.get(String.self, at: "status") {
            guard ServiceOrderStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "choose one of the options offered / 请从给出的选项中选择")
            }
            query = query.filter(\.$status == status)
        }
        let orders = try await query.sort(\.$createdAt, .descending).limit(500).all()
        return try await ServiceOrderLookup.dtos(orders, events: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let input = try req.content.decode(ServiceOrderService.OrderInput.self)
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        let order = try await ServiceOrderService(req: req).create(input, community: community, principal: principal)
        return try await ServiceOrderLookup.dtos([order], events: true, req)[0].encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> OrderDTO {
        let principal = try await req.require(.viewCommunityServices)
        let order = try await CommunityScope.find(ServiceOrder.self, req, principal, what: "service order")
        return try await ServiceOrderLookup.dtos([order], events: true, req)[0]
    }

    /// Assigning and cancelling are the community's; taking, declining and completing are recorded by the staff
    /// on behalf of the volunteer or party member; evaluating is the resident's (or recorded for them).
    func act(req: Request) async throws -> OrderDTO {
        let input = try req.content.decode(ServiceOrderService.ActionInput.self)
        let principal = try await req.require(["assign", "cancel"].contains(input.action ?? "") ? .manageCommunityServices : .orderCommunityServices)
        let order = try await CommunityScope.find(ServiceOrder.self, req, principal, what: "service order")
        let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: principal.username, resident: false)
        return try await ServiceOrderLookup.dtos([updated], events: true, req)[0]
    }
}
