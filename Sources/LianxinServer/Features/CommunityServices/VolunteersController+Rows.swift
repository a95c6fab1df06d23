import Vapor
import Fluent
import LianxinCore

/// The community a request is scoped to and the volunteer DTOs.
extension VolunteersController {
    static func scopedCommunity(_ req: Request, _ principal: Principal) async throws -> String {
        guard let code = req.parameters.get("community"), CommunityScope.isCode(code), let division = try await Division.find(code, on: req.db),
            division.level == DivisionLevel.community.rawValue
        else { throw Problem.notFound("community") }
        guard principal.canSee(divisionCode: code) else { throw await req.outOfScope("community", target: "earn-rules:\(code)") }
        return code
    }

}
