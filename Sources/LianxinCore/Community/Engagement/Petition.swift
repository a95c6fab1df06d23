/// How a petition (信访) arrived.
public enum PetitionChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case letter, visit, online, phone

    public func name(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.letter, .zhCN): "来信"
        case (.visit, .zhCN): "来访"
        case (.online, .zhCN): "网上信访"
        case (.phone, .zhCN): "电话"
        case (.letter, .en): "Letter"
        case (.visit, .en): "Visit"
        case (.online, .en): "Online"
        case (.phone, .en): "Phone"
        }
    }
}

/// Where a petition stands.
public enum PetitionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registered, no reply yet: it stays on the daily list (日日清) until answered.
    case received
    /// The petitioner has had a reply (受理告知 / 答复意见).
    case answered
    /// Concluded with a result (办结).
    case closed
}

/// Why a petition step was refused.
public enum PetitionRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    case wrongStatus(expected: PetitionStatus, actual: PetitionStatus)
    /// A day before the petition was received.
    case beforeReceipt

    public var description: String { message(in: .en) }

    public func message(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.wrongStatus(let expected, let actual), .zhCN):
            "信访件当前状态为“\(Self.name(actual))”，此操作需要“\(Self.name(expected))”"
        case (.wrongStatus(let expected, let actual), .en): "the petition is \(actual.rawValue); this step needs \(expected.rawValue)"
        case (.beforeReceipt, .zhCN): "日期不能早于受理日期"
        case (.beforeReceipt, .en): "the day cannot come before the petition was received"
        }
    }

    private static func name(_ status: PetitionStatus) -> String {
        switch status {
        case .received: "待答复"
        case .answered: "已答复"
        case .closed: "已办结"
        }
    }
}

/// The time limits and the 日日清、周周审、月月结 views of first-time petitions (初信初访), in Beijing days.
/// The limits follow the 信访工作条例: 15 days to tell the petitioner whether the matter is accepted, 60 days to conclude.
public struct PetitionSchedule: Sendable, Hashable {
    public var answerLimitDays: Int
    public var closeLimitDays: Int

    public init(answerLimitDays: Int = 15, closeLimitDays: Int = 60) {
        self.answerLimitDays = answerLimitDays
        self.closeLimitDays = closeLimitDays
    }

    /// What the views need of one petition.
    public struct Facts: Sendable, Hashable {
        public let id: String
        public let receivedOn: LocalDate
        public let firstTime: Bool
        public let answeredOn: LocalDate?
        public let closedOn: LocalDate?
        public init(id: String, receivedOn: LocalDate, firstTime: Bool, answeredOn: LocalDate?, closedOn: LocalDate?) {
            self.id = id
            self.receivedOn = receivedOn
            self.firstTime = firstTime
            self.answeredOn = answeredOn
            self.closedOn = closedOn
        }

        func isAnswered(by day: LocalDate) -> Bool { answeredOn.map { $0 <= day } ?? false }
        func isClosed(by day: LocalDate) -> Bool { closedOn.map { $0 <= day } ?? false }
    }

    /// One line of the daily list.
    public struct Unanswered: Sendable, Hashable {
        public let id: String
        public let daysWaiting: Int
        public let answerDue: LocalDate
        public let overdue: Bool
    }

    /// 日日清: the first-time petitions received by `day` and still without a reply at its end, the longest waiting first.
    public func dailyList(_ petitions: [Facts], on day: LocalDate) -> [Unanswered] {
        petitions.filter { $0.firstTime && $0.receivedOn <= day && !$0.isAnswered(by: day) && !$0.isClosed(by: day) }
            .map { petition in
                let due = petition.receivedOn.adding(days: answerLimitDays)
                return Unanswered(
                    id: petition.id, daysWaiting: day.daysSinceEpoch - petition.receivedOn.daysSinceEpoch,
                    answerDue: due, overdue: day > due)
            }
            .sorted { ($0.daysWaiting, $1.id) > ($1.daysWaiting, $0.id) }
    }

    /// The Monday–Sunday week that contains `day`.
    public static func week(containing day: LocalDate) -> ClosedRange<LocalDate> {
        let monday = day.adding(days: 1 - day.isoWeekday)
        return monday...monday.adding(days: 6)
    }

    /// The figures of a week's review (周周审).
    public struct WeekFigures: Sendable, Hashable, Codable {
        public let received: Int
        public let answered: Int
        public let closed: Int
        /// Received by the week's end and neither answered nor closed at its end.
        public let stillUnanswered: Int
        /// Of those, past the answer limit.
        public let overdue: Int

        public init(received: Int, answered: Int, closed: Int, stillUnanswered: Int, overdue: Int) {
            self.received = received
            self.answered = answered
            self.closed = closed
            self.stillUnanswered = stillUnanswered
            self.overdue = overdue
        }
    }

    /// 周周审: the petitions to review in `week` — received in it, or received earlier and still open at its start —
    /// and its figures.
    public func weeklyReview(_ petitions: [Facts], week: ClosedRange<LocalDate>) -> (ids: [String], figures: WeekFigures) {
        let start = week.lowerBound, end = week.upperBound
        let inReview = petitions.filter { petition in
            week.contains(petition.receivedOn) || (petition.receivedOn < start && !petition.isClosed(by: start.adding(days: -1)))
        }
        let unanswered = dailyList(
            petitions.filter { $0.receivedOn <= end }.map {
                Facts(id: $0.id, receivedOn: $0.receivedOn, firstTime: true, answeredOn: $0.answeredOn, closedOn: $0.closedOn)
            }, on: end)
        let figures = WeekFigures(
            received: petitions.filter { week.contains($0.receivedOn) }.count,
            answered: petitions.filter { $0.answeredOn.map(week.contains) ?? false }.count,
            closed: petitions.filter { $0.closedOn.map(week.contains) ?? false }.count,
            stillUnanswered: unanswered.count, overdue: unanswered.filter(\.overdue).count)
        return (inReview.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }.map(\.id), figures)
    }

    /// The monthly close report (月月结).
    public struct MonthReport: Sendable, Hashable, Codable {
        public let received: Int
        public let firstTime: Int
        public let answered: Int
        public let closed: Int
        /// Closed in the month within `closeLimitDays` of receipt.
        public let closedOnTime: Int
        /// Received in the month and closed by its end.
        public let receivedAndClosed: Int
        /// Received by the month's end and not closed at its end (carried into the next month).
        public let carriedOver: Int
        /// Of those, past the close limit.
        public let overdueOpen: Int

        public init(
            received: Int, firstTime: Int, answered: Int, closed: Int, closedOnTime: Int, receivedAndClosed: Int,
            carriedOver: Int, overdueOpen: Int
        ) {
            self.received = received
            self.firstTime = firstTime
            self.answered = answered
            self.closed = closed
            self.closedOnTime = closedOnTime
            self.receivedAndClosed = receivedAndClosed
            self.carriedOver = carriedOver
            self.overdueOpen = overdueOpen
        }

        /// receivedAndClosed ÷ received (nil for a month without petitions).
        public var closeRate: Double? { received == 0 ? nil : Double(receivedAndClosed) / Double(received) }
        /// closedOnTime ÷ closed.
        public var onTimeRate: Double? { closed == 0 ? nil : Double(closedOnTime) / Double(closed) }
    }

    /// 月月结 for the days `month` (the first through the last day of a month).
    public func monthReport(_ petitions: [Facts], month: ClosedRange<LocalDate>) -> MonthReport {
        let end = month.upperBound
        let received = petitions.filter { month.contains($0.receivedOn) }
        let closed = petitions.filter { $0.closedOn.map(month.contains) ?? false }
        let open = petitions.filter { $0.receivedOn <= end && !$0.isClosed(by: end) }
        return MonthReport(
            received: received.count, firstTime: received.filter(\.firstTime).count,
            answered: petitions.filter { $0.answeredOn.map(month.contains) ?? false }.count,
            closed: closed.count,
            closedOnTime: closed.filter { ($0.closedOn?.daysSinceEpoch ?? 0) - $0.receivedOn.daysSinceEpoch <= closeLimitDays }.count,
            receivedAndClosed: received.filter { $0.isClosed(by: end) }.count,
            carriedOver: open.count,
            overdueOpen: open.filter { end.daysSinceEpoch - $0.receivedOn.daysSinceEpoch > closeLimitDays }.count)
    }

    /// The days of the month `year`-`month`, or nil for a month that does not exist.
    public static func month(year: Int, month: Int) -> ClosedRange<LocalDate>? {
        guard let first = LocalDate(year: year, month: month, day: 1),
            let next = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
        else { return nil }
        return first...next.adding(days: -1)
    }
}

/// The steps of a petition.
public enum PetitionRules {
    public static func checkAnswering(_ status: PetitionStatus, on day: LocalDate, received: LocalDate) throws(PetitionRuleError) {
        guard status == .received else { throw .wrongStatus(expected: .received, actual: status) }
        guard day >= received else { throw .beforeReceipt }
    }

    public static func checkClosing(_ status: PetitionStatus, on day: LocalDate, received: LocalDate) throws(PetitionRuleError) {
        guard status == .answered else { throw .wrongStatus(expected: .answered, actual: status) }
        guard day >= received else { throw .beforeReceipt }
    }
}
