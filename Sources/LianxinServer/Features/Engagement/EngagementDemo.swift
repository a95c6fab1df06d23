import Vapor
import Fluent
import LianxinCore

/// A little engagement data for the demo city in 上滩头社区, so that `lianxin serve --demo` shows filled pages:
/// three service events (weekly, monthly, lunar market days) with requests solved on site, a published meeting and
/// one collecting topics, three mediation cases and three petitions. Runs once (nothing is added when events exist);
/// it files no work orders.
enum EngagementDemo {
    static let community = "361102001001"

    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await ServiceEvent.query(on: db).count() == 0,
            let staff = try await User.query(on: db).filter(\.$username == "community").first(), let staffID = staff.id
        else { return [] }
        let now = app.lianxin.now()
        let today = Engagement.day(now)
        let cipher = app.lianxin.cipher
        let departments = try await Department.query(on: db).filter(\.$code ~~ ["XZ-RS", "XZ-MZ", "XZ-CG", "XZ-WJ"]).all()
            .reduce(into: [String: UUID]()) { $0[$1.code] = $1.id }

        try await db.transaction { db in
            // 红帐篷: every Thursday afternoon, with requests of the last four sittings.
            let weekly = try event(title: "上滩头红帐篷", kind: "fixedWindow", place: "上滩头社区广场", schedule: "每周四 14:00-17:00", by: staffID, now: now)
            try await weekly.create(on: db)
            var stalls: [ServiceEventStall] = []
            for (name, code, services) in [
                ("社保医保", "XZ-RS", "社保认证、医保咨询"), ("民政帮扶", "XZ-MZ", "低保、临时救助政策"),
                ("城管服务", "XZ-CG", "占道、违建咨询"), ("便民服务", nil, "理发、磨刀、小家电维修"),
            ] as [(String, String?, String)] {
                let stall = ServiceEventStall()
                stall.eventID = try weekly.requireID()
                stall.departmentID = code.flatMap { departments[$0] }
                stall.name = name
                stall.services = services
                try await stall.create(on: db)
                stalls.append(stall)
            }
            let sittings = try ServiceEventLookup.rule(weekly).occurrences(from: today.adding(days: -28), through: today.adding(days: -1))
            let requests = [
                ("老人不会网上社保认证", "现场帮助完成刷脸认证", 0), ("咨询医保异地备案", "现场讲解并代为提交", 0),
                ("询问临时救助条件", "发放政策明白纸并登记", 1), ("楼下早餐店占道经营", "城管现场劝导，已收回", 2),
                ("理发两位", "志愿者现场理发", 3), ("电饭煲不加热", "现场更换保险丝", 3),
            ]
            for (index, (description, result, stall)) in requests.enumerated() where !sittings.isEmpty {
                let row = ServiceEventRequest()
                row.eventID = try weekly.requireID()
                row.stallID = stalls[stall].id
                row.heldOn = sittings[index % sittings.count].day.description
                row.description = description
                row.outcome = EventRequestOutcome.solvedOnSite.rawValue
                row.result = result
                row.recordedBy = staffID
                row.createdAt = now
                try await row.create(on: db)
            }
            try await event(
                title: "水南街道流动集市", kind: "mobileMarket", place: "水南街道办事处门前", schedule: "每月第一个周六 08:00-12:00",
                by: staffID, now: now
            ).create(on: db)
            try await event(
                title: "圩日便民服务站", kind: "marketDay", place: "上滩头农贸市场", schedule: "农历逢三、六、九 07:00-12:00",
                by: staffID, now: now
            ).create(on: db)

            // A meeting already published, every opinion answered; another collecting topics.
            let held = meeting(
                kind: .courtyard, title: "屋场贴心会：3栋前坪停车难", place: "上滩头社区3栋前坪", at: now.addingTimeInterval(-6 * 86_400),
                by: staffID, now: now)
            held.stage = MeetingStage.published.rawValue
            held.minutes = "到会居民32人。围绕夜间停车占用消防通道、路灯损坏两个议题展开讨论，形成3条意见。"
            held.attendance = 32
            held.heldAt = held.scheduledAt
            held.publishedAt = now.addingTimeInterval(-2 * 86_400)
            try await held.create(on: db)
            let answers = [
                ("张*", "建议在前坪划定夜间停车位", "社区已与物业商定，划定12个夜间停车位，本周完成"),
                ("李*", "消防通道夜间需要有人巡查", "物业承诺每晚22点巡查一次，社区网格员不定期抽查"),
                ("王*", "希望增设电动车充电桩", "已纳入下季度民生实事，选址公示后实施"),
            ]
            for (index, (speaker, content, answer)) in answers.enumerated() {
                let opinion = MeetingOpinion()
                opinion.meetingID = try held.requireID()
                opinion.position = index + 1
                opinion.speaker = speaker
                opinion.content = content
                opinion.outcome = OpinionOutcome.answered.rawValue
                opinion.answer = answer
                opinion.resolvedAt = held.publishedAt
                opinion.createdAt = held.scheduledAt
                try await opinion.create(on: db)
            }
            let upcoming = meeting(
                kind: .eveningTalk, title: "小区夜话：加装电梯怎么商量", place: "上滩头社区活动室",
                at: now.addingTimeInterval(5 * 86_400), by: staffID, now: now)
            try await upcoming.create(on: db)
            for (title, proposer, supports) in [("低层住户的补偿怎么算", "陈*", 6), ("电梯维护费用如何分摊", "周**", 4)] {
                let topic = MeetingTopic()
                topic.meetingID = try upcoming.requireID()
                topic.title = title
                topic.detail = ""
                topic.proposer = proposer
                topic.supports = supports
                topic.createdAt = now
                try await topic.create(on: db)
            }

            // Mediation: two agreements and one failure.
            let cases: [(DisputeType, String, [(String, String)], [String], MediationOutcome, String?)] = [
                (
                    .neighbourhood, "楼上卫生间漏水致楼下天花板受损", [("王建国", "13907931001"), ("刘芳", "13907931002")], ["李红梅", "周志强"],
                    .agreement, "王建国负责维修防水层并赔偿刘芳1500元，一周内履行"
                ),
                (
                    .family, "赡养老人费用分担纠纷", [("赵大勇", "13907931003"), ("赵小勇", "13907931004")], ["李红梅"],
                    .agreement, "兄弟二人每月各支付赡养费600元"
                ),
                (.labour, "装修工钱拖欠", [("孙师傅", "13907931005"), ("钱某", "13907931006")], ["周志强"], .failed, nil),
            ]
            for (index, (type, summary, parties, mediators, outcome, text)) in cases.enumerated() {
                let row = MediationCase()
                row.id = UUID()
                row.divisionCode = community
                row.disputeType = type.rawValue
                row.summary = summary
                row.receivedOn = today.adding(days: -20 + index * 5).description
                row.outcome = outcome.rawValue
                row.agreementText = text
                row.concludedOn = today.adding(days: -10 + index * 4).description
                row.createdBy = staffID
                row.createdAt = now
                try await row.create(on: db)
                for (position, (name, phone)) in parties.enumerated() {
                    let party = MediationParty()
                    let partyID = UUID()
                    party.id = partyID
                    party.caseID = row.id!
                    party.position = position
                    party.side = position == 0 ? "applicant" : "respondent"
                    party.nameCipher = try cipher.seal(name, for: .mediationPartyName, row: partyID)
                    party.phoneCipher = try cipher.seal(phone, for: .mediationPartyPhone, row: partyID)
                    party.phoneIndex = cipher.blindIndex(phone)
                    try await party.create(on: db)
                }
                for name in mediators {
                    let mediator = MediationMediator()
                    mediator.caseID = row.id!
                    mediator.name = name
                    try await mediator.create(on: db)
                }
                let session = MediationSession()
                session.caseID = row.id!
                session.heldAt = now.addingTimeInterval(Double(-15 + index * 4) * 86_400)
                session.place = "上滩头社区人民调解室"
                session.note = "双方到场陈述，调解员释法明理"
                session.recordedBy = staffID
                try await session.create(on: db)
            }

            // Petitions: one waiting for an answer, one answered, one closed.
            let petitions: [(String, String, Int, PetitionStatus)] = [
                ("小区电梯长期停运", "13907932001", -3, .received), ("邻居违建遮挡采光", "13907932002", -9, .answered),
                ("楼道堆放杂物存在消防隐患", "13907932003", -25, .closed),
            ]
            for (subject, phone, offset, status) in petitions {
                let row = Petition()
                let rowID = UUID()
                row.id = rowID
                row.divisionCode = community
                row.channel = PetitionChannel.visit.rawValue
                row.firstTime = true
                row.receivedOn = today.adding(days: offset).description
                row.nameCipher = try cipher.seal("陈桂兰", for: .petitionerName, row: rowID)
                row.phoneCipher = try cipher.seal(phone, for: .petitionerPhone, row: rowID)
                row.phoneIndex = cipher.blindIndex(phone)
                row.subject = subject
                row.content = subject + "，多次反映未解决，请求社区协调处理。"
                row.status = status.rawValue
                if status != .received {
                    row.answer = "已受理，社区将协调相关部门处理"
                    row.answeredOn = today.adding(days: offset + 2).description
                }
                if status == .closed {
                    row.result = "已组织清理，信访人表示满意"
                    row.closedOn = today.adding(days: offset + 10).description
                }
                row.createdBy = staffID
                row.createdAt = now
                try await row.create(on: db)
            }
        }
        return ["engagement: 3 service events, 2 meetings, 3 mediation cases, 3 petitions in 上滩头社区 (demo)"]
    }

    private static func event(title: String, kind: String, place: String, schedule: String, by user: UUID, now: Date) throws -> ServiceEvent {
        let rule = try RecurrenceRule(parsing: schedule)
        let event = ServiceEvent()
        event.id = UUID()
        event.divisionCode = community
        event.title = title
        event.kind = kind
        event.place = place
        event.scheduleText = rule.description(language: .zhCN)
        event.rule = JSONColumn.text(rule)
        event.createdBy = user
        event.createdAt = now
        return event
    }

    private static func meeting(kind: MeetingKind, title: String, place: String, at: Date, by user: UUID, now: Date) -> Meeting {
        let meeting = Meeting()
        meeting.id = UUID()
        meeting.divisionCode = community
        meeting.kind = kind.rawValue
        meeting.title = title
        meeting.place = place
        meeting.scheduledAt = at
        meeting.stage = MeetingStage.collecting.rawValue
        meeting.createdBy = user
        meeting.createdAt = now
        return meeting
    }
}
