import Vapor
import Fluent
import LianxinCore

/// Reading meeting rows: look-up in scope, stages, rule refusals and the DTO.
extension MeetingsController {

    static func opinion(_ req: Request, _ meeting: Meeting) async throws -> MeetingOpinion {
        guard let id = req.parameters.get("opinionId").flatMap(UUID.init(uuidString:)),
            let opinion = try await MeetingOpinion.query(on: req.db).filter(\.$id == id).filter(\.$meetingID == meeting.requireID()).first()
        else { throw Problem.notFound("opinion") }
        return opinion
    }

    /// Runs a core rule; a wrong stage or an already resolved opinion is a 409, missing data a 422.
    static func rule(field: String, _ check: () throws(MeetingRuleError) -> Void) throws {
        do { try check() } catch {
            let message = "\(error.message(in: .zhCN)) / \(error.message(in: .en))"
            switch error {
            case .missingMinutes: throw Problem.invalid(field: "/minutes", message)
            case .noAttendance: throw Problem.invalid(field: "/attendance", message)
            default: throw Problem.conflict(message, field: field)
            }
        }
    }

}
