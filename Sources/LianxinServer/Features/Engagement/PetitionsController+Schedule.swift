import Vapor
import Fluent
import LianxinCore

/// 日日清、周周审、月月结: the handlers and the reports they compute with `PetitionSchedule`.
extension PetitionsController {
    /// 日日清: first-time petitions still unanswered at the end of `day` (default today), longest waiting first.
    func daily(req: Request) async throws -> Daily {
        let principal = try await req.require(.handleDisputes)
        return try await PetitionTallies.daily(principal, req)
    }

    /// 周周审: the week containing `week` (any day of it, default today).
    func weekly(req: Request) async throws -> Weekly {
        let principal = try await req.require(.handleDisputes)
        return try await PetitionTallies.weekly(principal, req)
    }

    /// 月月结: `month` as YYYY-MM (default this month).
    func monthly(req: Request) async throws -> Monthly {
        let principal = try await req.require(.handleDisputes)
        return try await PetitionTallies.monthly(principal, req)
    }

}
