import Vapor
import Fluent
import LianxinCore

/// The points ranking of a community's volunteers.
extension VolunteersController {
    func ranking(req: Request) async throws -> RankingDTO {
        let principal = try await req.require(.viewCommunityServices)
        let by = (try? req.query.get(String.self, at: "by")) ?? "points"
        guard ["points", "hours"].contains(by) else { throw Problem.invalid(field: "by", "points or hours") }
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let from = try Self.day(req, "from") ?? LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        let to = try Self.day(req, "to") ?? today
        guard from <= to else { throw Problem.invalid(field: "from", "on or before to / 开始日期不能晚于结束日期") }
        return RankingDTO(
            by: by, from: from.description, to: to.description,
            items: try await VolunteerService.ranking(by: by, from: from, to: to, principal: principal, limit: 50, req))
    }

    static func day(_ req: Request, _ name: String) throws -> LocalDate? {
        guard let text = try? req.query.get(String.self, at: name) else { return nil }
        guard let day = LocalDate(iso: text) else { throw Problem.invalid(field: name, "a date like 2025-03-06 / 日期格式如 2025-03-06") }
        return day
    }
}
