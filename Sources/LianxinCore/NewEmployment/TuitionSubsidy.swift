import Foundation

/// The tuition subsidy of the "虔新小哥学院" (全南): 80 % of the college fees, once the diploma is obtained and the
/// worker has worked in the trade for a full year, after a public notice (公示) without objection.
public enum TuitionSubsidy {
    public static let percent = 80
    public static let monthsInTrade = 12
    public static let noticeDays = 5

    /// Where an application stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case applied
        case onNotice
        case objected
        case approved
        case refused
    }

    /// What can be done to an application.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// Post the public notice (checks passed).
        case publish
        /// Record an objection raised during the notice.
        case object
        /// Approve once the notice ended without objection.
        case approve
        /// Refuse (after an objection, or when the checks fail).
        case refuse
    }

    /// Why an application or a step is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case noDiploma
        case notAYearInTrade(months: Int)
        case fees
        case notAllowed(Status, Action)
        case noticeRunning(daysLeft: Int)
        case reasonRequired

        public var field: String {
            switch self {
            case .noDiploma: "/diplomaOn"
            case .notAYearInTrade: "/tradeSince"
            case .fees: "/fees"
            case .notAllowed, .noticeRunning: "/action"
            case .reasonRequired: "/note"
            }
        }

        public var description: String {
            switch self {
            case .noDiploma: "The diploma must be obtained (a day up to today) / 须已取得学历证书（日期不晚于今天）"
            case .notAYearInTrade(let months):
                "\(months) months in the trade when applying; a full year is needed / 申请时从业 \(months) 个月，须满一年"
            case .fees: "Fees of 1 to 100,000 yuan / 学费须为 1–100000 元"
            case .notAllowed(let status, let action):
                "Not possible now (\(status.rawValue), \(action.rawValue)) / 当前状态下不能进行此操作"
            case .noticeRunning(let days): "The public notice runs \(days) more day(s) / 公示期还剩 \(days) 天"
            case .reasonRequired: "Give the objection or the reason (2–200 characters) / 请填写异议或理由（2–200 字）"
            }
        }
    }

    /// The subsidy for `feesFen`: 80 %, rounded down to the fen; the worker pays the rest.
    public static func amount(feesFen: Int) -> Int { feesFen * percent / 100 }

    /// The checks when applying: fees of 1–100,000 yuan, a diploma obtained by `today`, a full year in the trade.
    public static func problems(feesFen: Int, diplomaDay: Int?, today: Int, monthsWorked: Int) -> [Refusal] {
        var problems: [Refusal] = []
        if !(100...10_000_000).contains(feesFen) { problems.append(.fees) }
        if diplomaDay.map({ $0 > today }) ?? true { problems.append(.noDiploma) }
        if monthsWorked < monthsInTrade { problems.append(.notAYearInTrade(months: monthsWorked)) }
        return problems
    }

    /// The status after `action` on `today` (days since 1970) for an application in `status` whose notice ends on
    /// `noticeEnds`; an objection and a refusal need a reason.
    public static func apply(_ action: Action, to status: Status, today: Int, noticeEnds: Int?, note: String) throws(Refusal) -> Status {
        let reasoned = note.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2
        switch (status, action) {
        case (.applied, .publish): return .onNotice
        case (.onNotice, .object):
            guard reasoned else { throw .reasonRequired }
            return .objected
        case (.onNotice, .approve):
            let ends = noticeEnds ?? today
            guard today > ends else { throw .noticeRunning(daysLeft: ends - today + 1) }
            return .approved
        case (.applied, .refuse), (.objected, .refuse):
            guard reasoned else { throw .reasonRequired }
            return .refused
        default: throw .notAllowed(status, action)
        }
    }
}
