import Vapor
import Fluent
import LianxinCore

/// 日日清、周周审、月月结: the handlers and the reports they compute with `PetitionSchedule`.
extension PetitionsController {
    /// 日日清: first-time petitions still unanswered at the end of `day` (default today), longest waiting first.
    func daily(req: Request) async throws -> Daily {
        let principal = try await req.require(.handleDisputes)
        return try await Self.daily(principal, req)
    }

    /// 周周审: the week containing `week` (any day of it, default today).
    func weekly(req: Request) async throws -> Weekly {
        let principal = try await req.require(.handleDisputes)
        return try await Self.weekly(principal, req)
    }

    /// 月月结: `month` as YYYY-MM (default this month).
    func monthly(req: Request) async throws -> Monthly {
        let principal = try await req.require(.handleDisputes)
        return try await Self.monthly(principal, req)
    }

    static func daily(_ principal: Principal, _ req: Request) async throws -> Daily {
        var checks = InputValidator(req)
        let day = checks.day(req.query[String.self, at: "day"], "/day", default: Engagement.day(req.lianxin.now()))
        try checks.finish()
        let rows = try await Petition.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$firstTime == true).filter(\.$receivedOn <= day.description).filter(\.$status != PetitionStatus.closed.rawValue).all()
        let list = schedule.dailyList(rows.map(facts), on: day)
        let dtos = try await dtos(rows, unmasked: false, req).reduce(into: [String: PetitionDTO]()) { $0[$1.id.uuidString] = $1 }
        return Daily(
            day: day.description,
            items: list.compactMap { item in
                dtos[item.id].map {
                    DailyItem(petition: $0, daysWaiting: item.daysWaiting, answerDue: item.answerDue.description, overdue: item.overdue)
                }
            })
    }

    static func weekly(_ principal: Principal, _ req: Request) async throws -> Weekly {
        var checks = InputValidator(req)
        let day = checks.day(req.query[String.self, at: "week"], "/week", default: Engagement.day(req.lianxin.now()))
        try checks.finish()
        let week = PetitionSchedule.week(containing: day)
        let rows = try await Petition.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$receivedOn <= week.upperBound.description).all()
        let review = schedule.weeklyReview(rows.map(facts), week: week)
        let dtos = try await dtos(rows.filter { review.ids.contains($0.id?.uuidString ?? "") }, unmasked: false, req)
            .reduce(into: [String: PetitionDTO]()) { $0[$1.id.uuidString] = $1 }
        let items = review.ids.compactMap { dtos[$0] }
        let monday = week.lowerBound.description
        return Weekly(
            weekStart: monday, weekEnd: week.upperBound.description, received: review.figures.received,
            answered: review.figures.answered, closed: review.figures.closed, stillUnanswered: review.figures.stillUnanswered,
            overdue: review.figures.overdue, items: items,
            reviewed: items.filter { $0.reviews.contains { $0.week == monday } }.count)
    }

    static func monthly(_ principal: Principal, _ req: Request) async throws -> Monthly {
        let today = Engagement.day(req.lianxin.now())
        let text = req.query[String.self, at: "month"] ?? String(today.description.prefix(7))
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
            let month = PetitionSchedule.month(year: year, month: number)
        else {
            throw Problem.invalid(field: "month", "a month as YYYY-MM / 月份格式应为 YYYY-MM")
        }
        let rows = try await Petition.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$receivedOn <= month.upperBound.description).all()
        let report = schedule.monthReport(rows.map(facts), month: month)
        func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        return Monthly(
            month: text, received: report.received, firstTime: report.firstTime, answered: report.answered, closed: report.closed,
            closedOnTime: report.closedOnTime, receivedAndClosed: report.receivedAndClosed, carriedOver: report.carriedOver,
            overdueOpen: report.overdueOpen, closeRate: rounded(report.closeRate), onTimeRate: rounded(report.onTimeRate),
            limits: req.language == .en
                ? "answer within \(schedule.answerLimitDays) days, conclude within \(schedule.closeLimitDays) days of receipt"
                : "受理之日起 \(schedule.answerLimitDays) 日内答复、\(schedule.closeLimitDays) 日内办结")
    }
}
