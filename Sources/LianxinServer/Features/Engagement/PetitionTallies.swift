import Vapor
import Fluent
import LianxinCore

/// The petition desk's daily, weekly and monthly tallies (信访日报、周报、月报) shared by the API and the pages.
enum PetitionTallies {
    typealias ReviewDTO = PetitionsController.ReviewDTO
    typealias Daily = PetitionsController.Daily
    typealias DailyItem = PetitionsController.DailyItem
    typealias Monthly = PetitionsController.Monthly
    typealias PetitionDTO = PetitionsController.PetitionDTO
    typealias Weekly = PetitionsController.Weekly

    static func daily(_ principal: Principal, _ req: Request) async throws -> Daily {
        var checks = InputValidator(req)
        let day = checks.day(req.query[String.self, at: "day"], "/day", default: Engagement.day(req.lianxin.now()))
        try checks.finish()
        let rows = try await Petition.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$firstTime == true).filter(\.$receivedOn <= day.description).filter(\.$status != PetitionStatus.closed.rawValue).all()
        let list = PetitionTallies.schedule.dailyList(rows.map(PetitionTallies.facts), on: day)
        let dtos = try await PetitionTallies.dtos(rows, unmasked: false, req).reduce(into: [String: PetitionDTO]()) { $0[$1.id.uuidString] = $1 }
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
        let review = PetitionTallies.schedule.weeklyReview(rows.map(PetitionTallies.facts), week: week)
        let dtos = try await PetitionTallies.dtos(rows.filter { review.ids.contains($0.id?.uuidString ?? "") }, unmasked: false, req)
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
        let report = PetitionTallies.schedule.monthReport(rows.map(PetitionTallies.facts), month: month)
        func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        return Monthly(
            month: text, received: report.received, firstTime: report.firstTime, answered: report.answered, closed: report.closed,
            closedOnTime: report.closedOnTime, receivedAndClosed: report.receivedAndClosed, carriedOver: report.carriedOver,
            overdueOpen: report.overdueOpen, closeRate: rounded(report.closeRate), onTimeRate: rounded(report.onTimeRate),
            limits: req.language == .en
                ? "answer within \(PetitionTallies.schedule.answerLimitDays) days, conclude within \(PetitionTallies.schedule.closeLimitDays) days of receipt"
                : "受理之日起 \(PetitionTallies.schedule.answerLimitDays) 日内答复、\(PetitionTallies.schedule.closeLimitDays) 日内办结")
    }

    static let schedule = PetitionSchedule()

    static func facts(_ row: Petition) -> PetitionSchedule.Facts {
        .init(
            id: row.id?.uuidString ?? "", receivedOn: LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0), firstTime: row.firstTime,
            answeredOn: row.answeredOn.flatMap { LocalDate(iso: $0) }, closedOn: row.closedOn.flatMap { LocalDate(iso: $0) })
    }

    static func dtos(_ rows: [Petition], unmasked: Bool, _ req: Request) async throws -> [PetitionDTO] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let cipher = req.lianxin.cipher
        let language = Engagement.language(req)
        var reviews: [UUID: [PetitionReview]] = [:]
        for chunk in ids.chunked(500) {
            for review in try await PetitionReview.query(on: req.db).filter(\.$petitionID ~~ chunk).sort(\.$week).all() {
                reviews[review.petitionID, default: []].append(review)
            }
        }
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.divisionCode)))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        return try rows.map { row in
            let name = try cipher.open(row.nameCipher, for: .petitionerName, row: try row.requireID())
            let phone = try row.phoneCipher.map { try cipher.open($0, for: .petitionerPhone, row: try row.requireID()) }
            let received = Self.received(row)
            return PetitionDTO(
                id: try row.requireID(), divisionCode: row.divisionCode, divisionName: names[row.divisionCode] ?? row.divisionCode,
                channel: row.channel, channelName: PetitionChannel(rawValue: row.channel)?.name(in: language) ?? row.channel,
                firstTime: row.firstTime, receivedOn: row.receivedOn,
                petitionerName: unmasked ? name : PersonalDataMask.name(name), petitionerPhone: unmasked ? phone : phone.map(PersonalDataMask.phone),
                subject: row.subject, content: row.content, status: row.status, answer: row.answer, answeredOn: row.answeredOn,
                result: row.result, closedOn: row.closedOn,
                answerDue: received.adding(days: schedule.answerLimitDays).description,
                closeDue: received.adding(days: schedule.closeLimitDays).description,
                mediationCaseId: row.mediationCaseID,
                reviews: (reviews[row.id ?? UUID()] ?? []).map { ReviewDTO(week: $0.week, reviewer: $0.reviewer, note: $0.note, at: $0.createdAt) })
        }
    }

    static func received(_ row: Petition) -> LocalDate { LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0) }
}
