import Foundation

/// The kinds of deliberation meeting (议事会) the grids hold.
public enum MeetingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 屋场贴心会: held in a courtyard or village square.
    case courtyard
    /// 小区夜话: an evening talk in a residential compound.
    case eveningTalk
    /// 红色议事厅: a party-led deliberation hall.
    case redHall

    public func name(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.courtyard, .zhCN): "屋场贴心会"
        case (.eveningTalk, .zhCN): "小区夜话"
        case (.redHall, .zhCN): "红色议事厅"
        case (.courtyard, .en): "Courtyard meeting"
        case (.eveningTalk, .en): "Evening talk"
        case (.redHall, .en): "Red deliberation hall"
        }
    }
}

/// Where a meeting stands in the "三个开放": topics collected before, opinions heard during, results published after.
public enum MeetingStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Before: residents propose and support topics.
    case collecting
    /// Held: minutes, attendance and opinions are recorded, then each opinion is answered or filed.
    case held
    /// After: the results page is public; nothing changes any more.
    case published
}

/// What became of one opinion raised at a meeting.
public enum OpinionOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet dealt with.
    case pending
    /// Answered at or after the meeting, with the answer published.
    case answered
    /// Filed as a work order with channel `meeting`; its progress is published.
    case workOrder
}

/// Why a meeting step was refused.
public enum MeetingRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step belongs to another stage (e.g. a topic proposed after the meeting was held).
    case wrongStage(expected: MeetingStage, actual: MeetingStage)
    /// The meeting cannot be held without minutes or anyone attending.
    case missingMinutes
    case noAttendance
    /// Results cannot be published while opinions are still pending.
    case pendingOpinions(Int)
    /// The opinion has already been answered or filed.
    case opinionAlreadyResolved
    /// The meeting is recorded as held before the day it was planned for.
    case beforeItsDay
    /// Results cannot be published while residents' topics have no answered opinion.
    case unansweredTopics(Int)

    public var description: String { message(in: .en) }

    public func message(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.wrongStage(let expected, let actual), .zhCN):
            "会议当前阶段为“\(Self.stageName(actual, .zhCN))”，此操作仅在“\(Self.stageName(expected, .zhCN))”阶段可用"
        case (.wrongStage(let expected, let actual), .en):
            "the meeting is \(actual.rawValue); this step needs it to be \(expected.rawValue)"
        case (.missingMinutes, .zhCN): "请填写会议纪要"
        case (.missingMinutes, .en): "the minutes are required"
        case (.noAttendance, .zhCN): "参会人数须至少为 1"
        case (.noAttendance, .en): "at least one person must have attended"
        case (.pendingOpinions(let count), .zhCN): "还有 \(count) 条意见未答复或转办，不能公开结果"
        case (.pendingOpinions(let count), .en): "\(count) opinion(s) are neither answered nor filed; the results cannot be published"
        case (.opinionAlreadyResolved, .zhCN): "该意见已答复或已转工单"
        case (.opinionAlreadyResolved, .en): "the opinion has already been answered or filed"
        case (.beforeItsDay, .zhCN): "会议还没到召开的日子，不能记录为已召开"
        case (.beforeItsDay, .en): "the meeting's day has not come; it cannot be recorded as held"
        case (.unansweredTopics(let count), .zhCN): "还有 \(count) 个居民议题没有得到答复，不能公开结果"
        case (.unansweredTopics(let count), .en): "\(count) residents' topic(s) have no answer yet; the results cannot be published"
        }
    }

    static func stageName(_ stage: MeetingStage, _ language: DisplayLanguage) -> String {
        switch (stage, language) {
        case (.collecting, .zhCN): "会前征集"
        case (.held, .zhCN): "会后办理"
        case (.published, .zhCN): "结果公开"
        case (_, .en): stage.rawValue
        }
    }
}

/// The rules of a meeting's stages, checked before anything is written.
public enum MeetingRules {
    /// Topics may be proposed and supported only before the meeting.
    public static func checkCollecting(_ stage: MeetingStage) throws(MeetingRuleError) {
        guard stage == .collecting else { throw .wrongStage(expected: .collecting, actual: stage) }
    }

    /// Holding the meeting records its minutes and attendance, once, and not before the meeting's day
    /// (`scheduled` and `now` given: `TimeRule.checkNotBefore`).
    public static func checkHolding(
        _ stage: MeetingStage, minutes: String, attendance: Int, scheduled: Date? = nil, now: Date? = nil
    ) throws(MeetingRuleError) {
        guard stage == .collecting else { throw .wrongStage(expected: .collecting, actual: stage) }
        if let scheduled, let now {
            do { try TimeRule.checkNotBefore(scheduled, now: now) } catch { throw .beforeItsDay }
        }
        guard !minutes.allSatisfy(\.isWhitespace) else { throw .missingMinutes }
        guard attendance > 0 else { throw .noAttendance }
    }

    /// Opinions are recorded and resolved once the meeting is held and before its results are published.
    public static func checkHeld(_ stage: MeetingStage) throws(MeetingRuleError) {
        guard stage == .held else { throw .wrongStage(expected: .held, actual: stage) }
    }

    /// An opinion is answered or filed once.
    public static func checkResolving(_ stage: MeetingStage, opinion: OpinionOutcome) throws(MeetingRuleError) {
        try checkHeld(stage)
        guard opinion == .pending else { throw .opinionAlreadyResolved }
    }

    /// Results go public only when every opinion has an outcome and every residents' topic has an answered
    /// (or filed) opinion: `unansweredTopics` counts the topics without one.
    public static func checkPublishing(
        _ stage: MeetingStage, opinions: some Sequence<OpinionOutcome>, unansweredTopics: Int = 0
    ) throws(MeetingRuleError) {
        try checkHeld(stage)
        let pending = opinions.filter { $0 == .pending }.count
        guard pending == 0 else { throw .pendingOpinions(pending) }
        guard unansweredTopics == 0 else { throw .unansweredTopics(unansweredTopics) }
    }
}
