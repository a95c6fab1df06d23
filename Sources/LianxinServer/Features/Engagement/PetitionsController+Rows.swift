import Vapor
import Fluent
import LianxinCore

/// Reading petition rows: look-up in scope, the core facts, rule refusals and the DTOs.
extension PetitionsController {

    static func status(_ row: Petition) -> PetitionStatus { PetitionStatus(rawValue: row.status) ?? .received }

    static func rule(_ check: () throws(PetitionRuleError) -> Void) throws {
        do { try check() } catch {
            throw Problem.conflict("\(error.message(in: .zhCN)) / \(error.message(in: .en))", field: "/status")
        }
    }

    static func find(_ req: Request, _ principal: Principal) async throws -> Petition {
        try await Engagement.scoped(Petition.self, try Engagement.id(req, "id", "petition"), division: \.divisionCode, "petition", principal, req)
    }

}
