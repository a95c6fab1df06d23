import Vapor
import Fluent
import LianxinCore

/// 信访 under /api/v1/petitions: first-time petitions (初信初访) registered with the petitioner's name and phone
/// encrypted, answered then closed; the daily list of unanswered ones (日日清), the weekly review (周周审) and the
/// monthly close report (月月结); and the link to a mediation case (访调融合). Reading and unmasking are audited.
struct PetitionsController: RouteCollection {
    static let schedule = PetitionSchedule()

    func boot(routes: any RoutesBuilder) throws {
        let petitions = routes.grouped("api", "v1", "petitions")
        petitions.get(use: list)
        petitions.post(use: create)
        petitions.get("daily", use: daily)
        petitions.get("weekly", use: weekly)
        petitions.get("monthly", use: monthly)
        petitions.get(":id", use: show)
        petitions.post(":id", "answer", use: answer)
        petitions.post(":id", "close", use: close)
        petitions.post(":id", "reviews", use: review)
        petitions.post(":id", "mediation", use: link)
        petitions.post(":id", "unmask", use: unmask)
    }

    // MARK: DTOs

    struct PetitionInput: Content {
        var channel: String?
        var receivedOn: String?
        var petitionerName: String?
        var petitionerPhone: String?
        var subject: String?
        var content: String?
        var divisionCode: String?
        /// Whether this is the petitioner's first petition on the matter; a phone seen on an earlier petition makes it a repeat.
        var firstTime: Bool?
    }

    struct TextInput: Content {
        var answer: String?
        var result: String?
        var note: String?
        var reason: String?
    }

    struct LinkInput: Content { var mediationCaseId: UUID? }

    struct ReviewDTO: Content {
        var week: String
        var reviewer: String
        var note: String
        var at: Date
    }

    struct PetitionDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var channel: String
        var channelName: String
        var firstTime: Bool
        var receivedOn: String
        var petitionerName: String
        var petitionerPhone: String?
        var subject: String
        var content: String
        var status: String
        var answer: String?
        var answeredOn: String?
        var result: String?
        var closedOn: String?
        var answerDue: String
        var closeDue: String
        var mediationCaseId: UUID?
        var reviews: [ReviewDTO]
    }

    struct DailyItem: Content {
        var petition: PetitionDTO
        var daysWaiting: Int
        var answerDue: String
        var overdue: Bool
    }

    struct Daily: Content {
        var day: String
        var items: [DailyItem]
    }

    struct Weekly: Content {
        var weekStart: String
        var weekEnd: String
        var received: Int
        var answered: Int
        var closed: Int
        var stillUnanswered: Int
        var overdue: Int
        var items: [PetitionDTO]
        var reviewed: Int
    }

    struct Monthly: Content {
        var month: String
        var received: Int
        var firstTime: Int
        var answered: Int
        var closed: Int
        var closedOnTime: Int
        var receivedAndClosed: Int
        var carriedOver: Int
        var overdueOpen: Int
        var closeRate: Double?
        var onTimeRate: Double?
        var limits: String
    }

    // MARK: Handlers

    /// Petitions in scope, newest first, masked; `status` filters.
    func list(req: Request) async throws -> [PetitionDTO] {
        let principal = try await req.require(.handleDisputes)
        var query = PetitionRecord.query(on: req.db).inScope(\.$divisionCode, principal)
        if let status = req.query[String.self, at: "status"], !status.isEmpty {
            guard PetitionStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "one of \(PetitionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query = query.filter(\.$status == status)
        }
        return try await Self.dtos(try await query.sort(\.$receivedOn, .descending).sort(\.$createdAt, .descending).limit(500).all(),
                                   unmasked: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let input = try req.content.decode(PetitionInput.self)
        let cipher = req.lianxin.cipher
        var checks = InputValidator(req)
        let channel: PetitionChannel? = checks.choice(input.channel, "/channel", default: .visit)
        let today = Engagement.day(req.lianxin.now())
        let received = checks.day(input.receivedOn, "/receivedOn", default: today)
        if received > today { checks.fail("/receivedOn", "not in the future / 不能晚于今天") }
        let name = checks.text(input.petitionerName, "/petitionerName", 1...50, label: "信访人姓名")
        let phone = checks.optionalPhone(input.petitionerPhone, "/petitionerPhone")
        let subject = checks.text(input.subject, "/subject", 2...200, label: "信访事项")
        let content = checks.text(input.content, "/content", 2...8000, label: "信访内容")
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        let row = PetitionRecord()
        row.divisionCode = division.value
        row.channel = (channel ?? .visit).rawValue
        row.receivedOn = received.description
        row.nameCipher = try cipher.seal(name)
        var petitioner = PetitionFirstTime.Petitioner.withoutPhone
        if let phone {
            row.phoneCipher = try cipher.seal(phone.value)
            row.phoneIndex = cipher.blindIndex(phone.value)
            petitioner = .withPhone(earlierPetitions: try await PetitionRecord.query(on: req.db).filter(\.$phoneIndex == row.phoneIndex).count())
        }
        row.firstTime = PetitionFirstTime.isFirstTime(stated: input.firstTime, petitioner)
        row.subject = subject
        row.content = content
        row.status = PetitionStatus.received.rawValue
        row.createdBy = principal.userID
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// One petition, masked; the reading is audited.
    func show(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        await req.audit(.disputeRecordViewed, result: .success, target: "petition:\(try row.requireID())")
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    func answer(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let answer = checks.text(try req.content.decode(TextInput.self).answer, "/answer", 2...4000, label: "答复意见")
        try checks.finish()
        let today = Engagement.day(req.lianxin.now())
        try Self.rule { () throws(PetitionRuleError) in
            try PetitionRules.checkAnswering(Self.status(row), on: today, received: Self.received(row))
        }
        row.status = PetitionStatus.answered.rawValue
        row.answer = answer
        row.answeredOn = today.description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    func close(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let result = checks.text(try req.content.decode(TextInput.self).result, "/result", 2...4000, label: "办理结果")
        try checks.finish()
        let today = Engagement.day(req.lianxin.now())
        try Self.rule { () throws(PetitionRuleError) in
            try PetitionRules.checkClosing(Self.status(row), on: today, received: Self.received(row))
        }
        row.status = PetitionStatus.closed.rawValue
        row.result = result
        row.closedOn = today.description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    /// 周周审: marks the petition reviewed this week with a note (once a week).
    func review(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let note = checks.text(try req.content.decode(TextInput.self).note, "/note", 2...2000, label: "审查意见")
        try checks.finish()
        let week = PetitionSchedule.week(containing: Engagement.day(req.lianxin.now())).lowerBound.description
        let petitionID = try row.requireID()
        guard try await PetitionReview.query(on: req.db).filter(\.$petitionID == petitionID).filter(\.$week == week).first() == nil else {
            throw Problem.conflict("Already reviewed this week / 本周已审查", field: "/note")
        }
        let review = PetitionReview()
        review.petitionID = petitionID
        review.week = week
        review.reviewer = principal.displayName
        review.note = note
        review.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await review.create(on: req.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("Already reviewed this week / 本周已审查", field: "/note")
        }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// 访调融合: hands the petition to a mediation case in scope.
    func link(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        guard let caseID = try req.content.decode(LinkInput.self).mediationCaseId,
              let mediation = try await MediationCase.find(caseID, on: req.db), principal.canSee(divisionCode: mediation.divisionCode) else {
            throw Problem.invalid(field: "/mediationCaseId", "a mediation case in your division / 调解案件不存在")
        }
        guard row.mediationCaseID == nil else {
            throw Problem.conflict("The petition is already linked to a mediation case / 该信访件已关联调解案件", field: "/mediationCaseId")
        }
        row.mediationCaseID = caseID
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    func unmask(req: Request) async throws -> PetitionDTO {
        _ = try await req.require(.handleDisputes)
        let principal = try await req.require(.unmaskPersonalData)
        let row = try await Self.find(req, principal)
        let reason = try MediationController.reason(try req.content.decode(TextInput.self).reason)
        let dto = try await Self.dtos([row], unmasked: true, req)[0]
        await req.audit(.personalDataUnmasked, result: .success, target: "petition:\(try row.requireID())", detail: reason)
        return dto
    }

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

    // MARK: Shared

    static func daily(_ principal: Principal, _ req: Request) async throws -> Daily {
        var checks = InputValidator(req)
        let day = checks.day(req.query[String.self, at: "day"], "/day", default: Engagement.day(req.lianxin.now()))
        try checks.finish()
        let rows = try await PetitionRecord.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$firstTime == true).filter(\.$receivedOn <= day.description).filter(\.$status != PetitionStatus.closed.rawValue).all()
        let list = schedule.dailyList(rows.map(facts), on: day)
        let dtos = try await dtos(rows, unmasked: false, req).reduce(into: [String: PetitionDTO]()) { $0[$1.id.uuidString] = $1 }
        return Daily(day: day.description, items: list.compactMap { item in
            dtos[item.id].map { DailyItem(petition: $0, daysWaiting: item.daysWaiting, answerDue: item.answerDue.description, overdue: item.overdue) }
        })
    }

    static func weekly(_ principal: Principal, _ req: Request) async throws -> Weekly {
        var checks = InputValidator(req)
        let day = checks.day(req.query[String.self, at: "week"], "/week", default: Engagement.day(req.lianxin.now()))
        try checks.finish()
        let week = PetitionSchedule.week(containing: day)
        let rows = try await PetitionRecord.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$receivedOn <= week.upperBound.description).all()
        let review = schedule.weeklyReview(rows.map(facts), week: week)
        let dtos = try await dtos(rows.filter { review.ids.contains($0.id?.uuidString ?? "") }, unmasked: false, req)
            .reduce(into: [String: PetitionDTO]()) { $0[$1.id.uuidString] = $1 }
        let items = review.ids.compactMap { dtos[$0] }
        let monday = week.lowerBound.description
        return Weekly(weekStart: monday, weekEnd: week.upperBound.description, received: review.figures.received,
                      answered: review.figures.answered, closed: review.figures.closed, stillUnanswered: review.figures.stillUnanswered,
                      overdue: review.figures.overdue, items: items,
                      reviewed: items.filter { $0.reviews.contains { $0.week == monday } }.count)
    }

    static func monthly(_ principal: Principal, _ req: Request) async throws -> Monthly {
        let today = Engagement.day(req.lianxin.now())
        let text = req.query[String.self, at: "month"] ?? String(today.description.prefix(7))
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
              let month = PetitionSchedule.month(year: year, month: number) else {
            throw Problem.invalid(field: "month", "a month as YYYY-MM / 月份格式应为 YYYY-MM")
        }
        let rows = try await PetitionRecord.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$receivedOn <= month.upperBound.description).all()
        let report = schedule.monthReport(rows.map(facts), month: month)
        func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        return Monthly(month: text, received: report.received, firstTime: report.firstTime, answered: report.answered, closed: report.closed,
                       closedOnTime: report.closedOnTime, receivedAndClosed: report.receivedAndClosed, carriedOver: report.carriedOver,
                       overdueOpen: report.overdueOpen, closeRate: rounded(report.closeRate), onTimeRate: rounded(report.onTimeRate),
                       limits: req.language == .en
                           ? "answer within \(schedule.answerLimitDays) days, conclude within \(schedule.closeLimitDays) days of receipt"
                           : "受理之日起 \(schedule.answerLimitDays) 日内答复、\(schedule.closeLimitDays) 日内办结")
    }

    static func facts(_ row: PetitionRecord) -> PetitionSchedule.Facts {
        .init(id: row.id?.uuidString ?? "", receivedOn: LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0), firstTime: row.firstTime,
              answeredOn: row.answeredOn.flatMap { LocalDate(iso: $0) }, closedOn: row.closedOn.flatMap { LocalDate(iso: $0) })
    }

    static func status(_ row: PetitionRecord) -> PetitionStatus { PetitionStatus(rawValue: row.status) ?? .received }

    static func received(_ row: PetitionRecord) -> LocalDate { LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0) }

    static func rule(_ check: () throws(PetitionRuleError) -> Void) throws {
        do { try check() } catch {
            throw Problem.conflict("\(error.message(in: .zhCN)) / \(error.message(in: .en))", field: "/status")
        }
    }

    static func find(_ req: Request, _ principal: Principal) async throws -> PetitionRecord {
        try await Engagement.scoped(PetitionRecord.self, try Engagement.id(req, "id", "petition"), division: \.divisionCode, "petition", principal, req)
    }

    static func dtos(_ rows: [PetitionRecord], unmasked: Bool, _ req: Request) async throws -> [PetitionDTO] {
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
            let name = try cipher.open(row.nameCipher)
            let phone = try row.phoneCipher.map { try cipher.open($0) }
            let received = received(row)
            return PetitionDTO(
                id: try row.requireID(), divisionCode: row.divisionCode, divisionName: names[row.divisionCode] ?? row.divisionCode,
                channel: row.channel, channelName: PetitionChannel(rawValue: row.channel)?.name(in: language) ?? row.channel,
                firstTime: row.firstTime, receivedOn: row.receivedOn,
                petitionerName: unmasked ? name : PersonalDataMask.name(name), petitionerPhone: unmasked ? phone : phone.map(PersonalDataMask.phone),
                subject: row.subject, content: row.content, status: row.status, answer: row.answer, answeredOn: row.answeredOn,
                result: row.result, closedOn: row.closedOn,
                answerDue: received.adding(days: schedule.answerLimitDays).description, closeDue: received.adding(days: schedule.closeLimitDays).description,
                mediationCaseId: row.mediationCaseID,
                reviews: (reviews[row.id ?? UUID()] ?? []).map { ReviewDTO(week: $0.week, reviewer: $0.reviewer, note: $0.note, at: $0.createdAt) })
        }
    }
}
