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
        return try await ServiceOrderLookup.publicDTO(order, req).encodeResponse(status: .created, for: req)
    }

    func publicShow(req: Request) async throws -> PublicOrderDTO {
        try await ServiceOrderLookup.publicDTO(try await ServiceOrderLookup.byCode(req.parameters.get("code"), req), req)
    }

    func publicEvaluate(req: Request) async throws -> PublicOrderDTO {
        let order = try await ServiceOrderLookup.byCode(req.parameters.get("code"), req)
        var input = try req.content.decode(ServiceOrderService.ActionInput.self)
        input.action = "evaluate"
        try RequesterConfirmation.check(
            sealedPhone: order.phoneCipher, in: .serviceOrderPhone, row: try order.requireID(), typed: input.phoneSuffix, req)
        let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: "resident", resident: true)
        return try await ServiceOrderLookup.publicDTO(updated, req)
    }

}
