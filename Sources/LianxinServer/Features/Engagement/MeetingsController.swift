import Vapor
import Fluent
import LianxinCore

/// 屋场贴心会 / 小区夜话 / 红色议事厅 under /api/v1/meetings, with the three opens: topics collected and supported
/// before (staff, or residents on the public page), minutes, attendance and opinions during, and after it every
/// opinion answered or filed as a work order (channel `meeting`) before the results are published under /p/meetings.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("api", "v1", "meetings")
        meetings.get(use: list)
        meetings.post(use: create)
        meetings.get(":id", use: show)
        meetings.post(":id", "topics", use: addTopic)
        meetings.post(":id", "hold", use: hold)
        meetings.post(":id", "opinions", use: addOpinion)
        meetings.post(":id", "opinions", ":opinionId", "answer", use: answer)
        meetings.post(":id", "opinions", ":opinionId", "work-order", use: fileOrder)
        meetings.post(":id", "publish", use: publish)
        let open = routes.grouped("api", "v1", "public", "meetings")
        open.get(":id", use: publicShow)
        open.post(":id", "topics", use: publicTopic)
        open.post(":id", "topics", ":topicId", "support", use: support)
    }

    // MARK: DTOs

    struct MeetingInput: Content {
        var kind: String?
        var title: String?
        var place: String?
        var scheduledAt: Date?
        var divisionCode: String?
    }

    struct TopicInput: Content {
        var title: String?
        var detail: String?
        var proposer: String?
        /// Residents on the public page give a phone, kept only as a blind index, so that each supports once.
        var phone: String?
    }

    struct SupportInput: Content { var phone: String? }

    struct HoldInput: Content {
        var minutes: String?
        var attendance: Int?
    }

    struct OpinionInput: Content {
        var speaker: String?
        var content: String?
        var topicId: UUID?
    }

    struct AnswerInput: Content { var answer: String? }

    struct OrderInput: Content { var categoryCode: String? }

    struct TopicDTO: Content {
        var id: UUID
        var title: String
        var detail: String
        var proposer: String
        var supports: Int
    }

    struct OpinionDTO: Content {
        var id: UUID
        var topicId: UUID?
        var speaker: String
        var content: String
        var outcome: String
        var answer: String?
        var orderNumber: String?
        /// The order's status, for the public results page.
        var orderStatus: String?
        var resolvedAt: Date?
    }

    struct MeetingDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var kind: String
        var kindName: String
        var title: String
        var place: String
        var scheduledAt: Date
        var stage: String
        var minutes: String?
        var attendance: Int?
        var heldAt: Date?
        var publishedAt: Date?
        var topics: [TopicDTO]
        var opinions: [OpinionDTO]
        var pendingOpinions: Int
    }

    // MARK: Staff

    func list(req: Request) async throws -> [MeetingDTO] {
        let principal = try await req.require(.viewEngagement)
        let rows = try await MeetingRecord.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$scheduledAt, .descending).limit(200).all()
        var result: [MeetingDTO] = []
        for row in rows { result.append(try await Self.dto(row, req)) }
        return result
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let input = try req.content.decode(MeetingInput.self)
        var checks = InputValidator(req)
        let kind: MeetingKind? = checks.choice(input.kind, "/kind", default: .courtyard)
        let title = checks.text(input.title, "/title", 1...100, label: "会议名称")
        let place = checks.text(input.place, "/place", 1...200, label: "地点")
        if input.scheduledAt == nil { checks.fail("/scheduledAt", "is required / 须填写会议时间") }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        let meeting = MeetingRecord()
        meeting.divisionCode = division.value
        meeting.kind = (kind ?? .courtyard).rawValue
        meeting.title = title
        meeting.place = place
        meeting.scheduledAt = input.scheduledAt ?? req.lianxin.now()
        meeting.stage = MeetingStage.collecting.rawValue
        meeting.createdBy = principal.userID
        meeting.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await meeting.create(on: req.db) }
        return try await Self.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.viewEngagement)
        return try await Self.dto(try await Self.find(req, principal), req)
    }

    /// A topic taken down by staff on a resident's behalf.
    func addTopic(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        try await Self.createTopic(meeting, try req.content.decode(TopicInput.self), phoneRequired: false, req)
        return try await Self.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    func hold(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        let input = try req.content.decode(HoldInput.self)
        var checks = InputValidator(req)
        let minutes = checks.text(input.minutes, "/minutes", 1...20_000, label: "会议纪要")
        if input.attendance.map({ !(1...100_000).contains($0) }) ?? true {
            checks.fail("/attendance", "1–100000 people / 参会人数须为 1–100000")
        }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in
            try MeetingRules.checkHolding(Self.stage(meeting), minutes: minutes, attendance: input.attendance ?? 0)
        }
        meeting.minutes = minutes
        meeting.attendance = input.attendance
        meeting.heldAt = req.lianxin.now()
        meeting.stage = MeetingStage.held.rawValue
        try await req.lianxin.writes.run { try await meeting.update(on: req.db) }
        return try await Self.dto(meeting, req)
    }

    func addOpinion(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        let input = try req.content.decode(OpinionInput.self)
        var checks = InputValidator(req)
        let speaker = checks.text(input.speaker, "/speaker", 1...50, label: "发言人")
        let content = checks.text(input.content, "/content", 2...2000, label: "意见内容")
        if let topic = input.topicId, try await MeetingTopic.query(on: req.db).filter(\.$id == topic)
            .filter(\.$meetingID == meeting.requireID()).first() == nil {
            checks.fail("/topicId", "a topic of this meeting / 议题不属于本次会议")
        }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkHeld(Self.stage(meeting)) }
        let opinion = MeetingOpinion()
        opinion.meetingID = try meeting.requireID()
        opinion.topicID = input.topicId
        opinion.speaker = PersonalDataMask.name(speaker)
        opinion.content = PersonalDataMask.redactingNumbers(in: content)
        opinion.outcome = OpinionOutcome.pending.rawValue
        opinion.createdAt = req.lianxin.now()
        let meetingID = try meeting.requireID()
        // Two opinions recorded at once would take the same position; the unique index turns the loser into a 409.
        do {
            try await req.lianxin.writes.run {
                opinion.position = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == meetingID).count() + 1
                try await opinion.create(on: req.db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("Another opinion was recorded at the same moment; try again / 请重试")
        }
        return try await Self.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    func answer(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        let opinion = try await Self.opinion(req, meeting)
        var checks = InputValidator(req)
        let answer = checks.text(try req.content.decode(AnswerInput.self).answer, "/answer", 2...2000, label: "答复")
        try checks.finish()
        try Self.rule(field: "/outcome") { () throws(MeetingRuleError) in
            try MeetingRules.checkResolving(Self.stage(meeting), opinion: OpinionOutcome(rawValue: opinion.outcome) ?? .pending)
        }
        opinion.outcome = OpinionOutcome.answered.rawValue
        opinion.answer = answer
        opinion.resolvedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await opinion.update(on: req.db) }
        return try await Self.dto(meeting, req)
    }

    /// Files the opinion as a work order (channel `meeting`) in the meeting's division.
    func fileOrder(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        let opinion = try await Self.opinion(req, meeting)
        let input = try req.content.decode(OrderInput.self)
        try Self.rule(field: "/outcome") { () throws(MeetingRuleError) in
            try MeetingRules.checkResolving(Self.stage(meeting), opinion: OpinionOutcome(rawValue: opinion.outcome) ?? .pending)
        }
        let valid = try await Engagement.validateOrder(req, principal, title: "\(Self.kindName(meeting, .zhCN))意见：" + opinion.content,
                                                       description: "\(opinion.content)（\(meeting.title)，\(meeting.place)）",
                                                       categoryCode: input.categoryCode, division: meeting.divisionCode)
        let order = try await Engagement.file(valid, req, principal)
        opinion.outcome = OpinionOutcome.workOrder.rawValue
        opinion.orderID = order.id
        opinion.orderNumber = order.number
        opinion.resolvedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await opinion.update(on: req.db) }
        return try await Self.dto(meeting, req)
    }

    func publish(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await Self.find(req, principal)
        let outcomes = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == meeting.requireID()).all(\.$outcome)
        try Self.rule(field: "/opinions") { () throws(MeetingRuleError) in
            try MeetingRules.checkPublishing(Self.stage(meeting), opinions: outcomes.map { OpinionOutcome(rawValue: $0) ?? .pending })
        }
        meeting.stage = MeetingStage.published.rawValue
        meeting.publishedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await meeting.update(on: req.db) }
        return try await Self.dto(meeting, req)
    }

    // MARK: Public (三个开放)

    /// A meeting as the public sees it: topics while collecting, every opinion's outcome once published.
    func publicShow(req: Request) async throws -> MeetingDTO {
        try await Self.publicDTO(try await Self.publicMeeting(req), req)
    }

    /// Minutes and opinions go public with the results, not before.
    static func publicDTO(_ meeting: MeetingRecord, _ req: Request) async throws -> MeetingDTO {
        var dto = try await dto(meeting, req)
        if stage(meeting) != .published {
            dto.minutes = nil
            dto.opinions = []
        }
        return dto
    }

    func publicTopic(req: Request) async throws -> Response {
        let meeting = try await Self.publicMeeting(req)
        try await Self.createTopic(meeting, try req.content.decode(TopicInput.self), phoneRequired: true, req)
        return try await Self.publicDTO(meeting, req).encodeResponse(status: .created, for: req)
    }

    /// One resident supports a topic once (by the blind index of their phone).
    func support(req: Request) async throws -> MeetingDTO {
        let meeting = try await Self.publicMeeting(req)
        guard let topicID = req.parameters.get("topicId").flatMap(UUID.init(uuidString:)),
              let topic = try await MeetingTopic.query(on: req.db).filter(\.$id == topicID).filter(\.$meetingID == meeting.requireID()).first()
        else { throw Problem.notFound("topic") }
        var checks = InputValidator(req)
        let phone = checks.optionalPhone(try req.content.decode(SupportInput.self).phone, "/phone")
        if phone == nil, checks.errors.isEmpty { checks.fail("/phone", "is required / 须填写手机号（仅用于防止重复支持，不公开）") }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkCollecting(Self.stage(meeting)) }
        let index = req.lianxin.cipher.blindIndex(phone?.value ?? "")
        guard try await MeetingTopicSupport.query(on: req.db).filter(\.$topicID == topicID).filter(\.$supporterIndex == index).first() == nil else {
            throw Problem.conflict("You have already supported this topic / 您已支持过该议题", field: "/phone")
        }
        let row = MeetingTopicSupport()
        row.topicID = topicID
        row.supporterIndex = index
        row.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await req.db.transaction { db in
                try await row.create(on: db)
                topic.supports = try await MeetingTopicSupport.query(on: db).filter(\.$topicID == topicID).count()
                try await topic.update(on: db)
            } }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("You have already supported this topic / 您已支持过该议题", field: "/phone")
        }
        return try await Self.publicDTO(meeting, req)
    }

    // MARK: Shared

    static func find(_ req: Request, _ principal: Principal) async throws -> MeetingRecord {
        try await Engagement.scoped(MeetingRecord.self, try Engagement.id(req, "id", "meeting"), division: \.divisionCode, "meeting", principal, req)
    }

    static func publicMeeting(_ req: Request) async throws -> MeetingRecord {
        guard let meeting = try await MeetingRecord.find(try Engagement.id(req, "id", "meeting"), on: req.db) else { throw Problem.notFound("meeting") }
        return meeting
    }

    static func opinion(_ req: Request, _ meeting: MeetingRecord) async throws -> MeetingOpinion {
        guard let id = req.parameters.get("opinionId").flatMap(UUID.init(uuidString:)),
              let opinion = try await MeetingOpinion.query(on: req.db).filter(\.$id == id).filter(\.$meetingID == meeting.requireID()).first()
        else { throw Problem.notFound("opinion") }
        return opinion
    }

    static func stage(_ meeting: MeetingRecord) -> MeetingStage { MeetingStage(rawValue: meeting.stage) ?? .collecting }

    static func kindName(_ meeting: MeetingRecord, _ language: DisplayLanguage) -> String {
        MeetingKind(rawValue: meeting.kind)?.name(in: language) ?? meeting.kind
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

    static func createTopic(_ meeting: MeetingRecord, _ input: TopicInput, phoneRequired: Bool, _ req: Request) async throws {
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 2...100, label: "议题")
        let detail = checks.text(input.detail, "/detail", 0...2000, label: "说明")
        let proposer = checks.text(input.proposer, "/proposer", 1...50, label: "提出人")
        let phone = checks.optionalPhone(input.phone, "/phone")
        if phoneRequired, phone == nil, !checks.errors.contains(where: { $0.field == "/phone" }) {
            checks.fail("/phone", "is required / 须填写手机号（仅用于防止重复提交，不公开）")
        }
        try checks.finish()
        try rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkCollecting(stage(meeting)) }
        let topic = MeetingTopic()
        topic.id = UUID()
        topic.meetingID = try meeting.requireID()
        topic.title = PersonalDataMask.redactingNumbers(in: title)
        topic.detail = PersonalDataMask.redactingNumbers(in: detail)
        topic.proposer = PersonalDataMask.name(proposer)
        topic.supports = phone == nil ? 0 : 1
        topic.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await req.db.transaction { db in
            try await topic.create(on: db)
            // Whoever proposes a topic supports it.
            if let phone {
                let support = MeetingTopicSupport()
                support.topicID = try topic.requireID()
                support.supporterIndex = req.lianxin.cipher.blindIndex(phone.value)
                support.createdAt = topic.createdAt
                try await support.create(on: db)
            }
        } }
    }

    static func dto(_ meeting: MeetingRecord, _ req: Request) async throws -> MeetingDTO {
        let id = try meeting.requireID()
        let topics = try await MeetingTopic.query(on: req.db).filter(\.$meetingID == id).all()
            .sorted { ($0.supports, $1.createdAt, $1.title) > ($1.supports, $0.createdAt, $0.title) }
        let opinions = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == id).sort(\.$position).all()
        let orderIDs = opinions.compactMap(\.orderID)
        let statuses = orderIDs.isEmpty ? [:] : try await WorkOrder.query(on: req.db).filter(\.$id ~~ orderIDs).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.status }
        let division = try await Division.find(meeting.divisionCode, on: req.db)
        return MeetingDTO(
            id: id, divisionCode: meeting.divisionCode, divisionName: division?.name ?? meeting.divisionCode, kind: meeting.kind,
            kindName: kindName(meeting, Engagement.language(req)), title: meeting.title, place: meeting.place,
            scheduledAt: meeting.scheduledAt, stage: meeting.stage, minutes: meeting.minutes, attendance: meeting.attendance,
            heldAt: meeting.heldAt, publishedAt: meeting.publishedAt,
            topics: try topics.map { TopicDTO(id: try $0.requireID(), title: $0.title, detail: $0.detail, proposer: $0.proposer, supports: $0.supports) },
            opinions: try opinions.map { opinion in
                OpinionDTO(id: try opinion.requireID(), topicId: opinion.topicID, speaker: opinion.speaker, content: opinion.content,
                           outcome: opinion.outcome, answer: opinion.answer, orderNumber: opinion.orderNumber,
                           orderStatus: opinion.orderID.flatMap { statuses[$0] }, resolvedAt: opinion.resolvedAt)
            },
            pendingOpinions: opinions.filter { $0.outcome == OpinionOutcome.pending.rawValue }.count)
    }
}
