import Vapor
import Fluent
import LianxinCore

/// The days an event takes place on.
extension ServiceEventsController {
    /// The sittings from `from` through `to` (default: today and the next 30 days; at most 366 days).
    func occurrences(req: Request) async throws -> [OccurrenceDTO] {
        let principal = try await req.require(.viewEngagement)
        let event = try await ServiceEventLookup.find(req, principal)
        var checks = InputValidator(req)
        let today = Engagement.day(req.lianxin.now())
        let from = checks.day(req.query[String.self, at: "from"], "/from", default: today)
        let to = checks.day(req.query[String.self, at: "to"], "/to", default: from.adding(days: 30))
        if to < from || to.daysSinceEpoch - from.daysSinceEpoch > 366 {
            checks.fail("/to", "on or after from, at most 366 days later / 结束日期须在开始日期后 366 天内")
        }
        try checks.finish()
        return try await ServiceEventLookup.occurrences(of: event, from: from, through: to, req)
    }

}
