import Vapor
import Fluent
import LianxinCore

/// 双报到: which in-service party members have reported to their community this quarter.
extension VolunteersController {
    func dualCheckIn(req: Request) async throws -> DualCheckInDTO {
        let principal = try await req.require(.viewCommunityServices)
        let quarter: Quarter
        if let text = try? req.query.get(String.self, at: "quarter") {
            guard let parsed = Quarter(text) else { throw Problem.invalid(field: "quarter", "a quarter like 2025-Q3 / 季度格式如 2025-Q3") }
            quarter = parsed
        } else {
            quarter = Quarter(containing: req.lianxin.now())
        }
        return try await VolunteerService.dualCheckIn(quarter, principal: principal, req)
    }

}
