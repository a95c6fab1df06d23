import Vapor
import Fluent
import LianxinCore

/// Residents' own orders: ordering, tracking by code and evaluating.
extension ServiceOrdersController {
    func publicCreate(req: Request) async throws -> Response {
        let input = try req.content.decode(ServiceOrderService.OrderInput.self)
        guard let code = input.communityCode, CommunityScope.isCode(code), let community = try await Division.find(code, on: req.db),
            community.level == DivisionLevel.community.rawValue
        else {
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

    static func byCode(_ text: String?, _ req: Request) async throws -> ServiceOrder {
        guard let code = text.flatMap(TrackingCode.normalized),
            let order = try await ServiceOrder.query(on: req.db).filter(\.$trackingCode == code).first()
        else {
            throw Problem.notFound("tracking code")
        }
        return order
    }

    static func publicCommunity(_ code: String?, _ req: Request) async throws -> Division {
        guard let code, CommunityScope.isCode(code), let community = try await Division.find(code, on: req.db),
            community.level == DivisionLevel.community.rawValue
        else {
            throw Problem.notFound("community")
        }
        return community
    }
}
