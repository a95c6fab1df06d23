/// 农耕地互助 (玉山县皇珠村): the village records each household's fields and whether it lacks hands; mutual-aid
/// teams of neighbours answer work requests at the busy seasons (整地, 插秧, 收割…), and the days each household
/// gives and receives are kept (换工互助: "一碗农家饭就是一天的酬劳").
public enum FarmAid {
    /// The field work a request asks for.
    public enum Task: String, Sendable, CaseIterable, Codable {
        case tilling, transplanting, fieldCare, harvesting, drying
    }

    /// The busy seasons of a rice-growing village in Jiangxi, by month.
    public enum Season: String, Sendable, CaseIterable, Codable {
        /// 春耕: March–May.
        case springPloughing
        /// 夏收夏种 (双抢): June–August.
        case summerHarvest
        /// 秋收: September–November.
        case autumnHarvest
        /// 冬闲: December–February.
        case winter

        public init(month: Int) {
            switch month {
            case 3...5: self = .springPloughing
            case 6...8: self = .summerHarvest
            case 9...11: self = .autumnHarvest
            default: self = .winter
            }
        }
    }

    /// Where a work request stands.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case open, assigned, done, cancelled
    }

    /// What may be done to a request.
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// A team takes it on.
        case assign
        /// The work is done, with the days each helper gave.
        case complete
        /// The household no longer needs it.
        case cancel
    }

    /// The guard table: from which status each action is allowed, and where it leads.
    public static let transitions: [Action: (from: Set<Status>, to: Status)] = [
        .assign: ([.open, .assigned], .assigned),
        .complete: ([.assigned], .done),
        .cancel: ([.open, .assigned], .cancelled),
    ]

    /// The status after `action`, or nil when the request's status does not allow it.
    public static func apply(_ action: Action, to status: Status) -> Status? {
        guard let rule = transitions[action], rule.from.contains(status) else { return nil }
        return rule.to
    }

    /// A day of help given by one household to another, in tenths of a day (half a day is 5).
    public struct Exchange: Sendable, Hashable {
        public let helper: String
        public let host: String
        public let tenths: Int

        public init(helper: String, host: String, tenths: Int) {
            self.helper = helper
            self.host = host
            self.tenths = tenths
        }
    }

    /// Each household's days given and received (tenths), and the balance (given − received): who is owed help.
    public static func balances(_ exchanges: [Exchange]) -> [String: (given: Int, received: Int, balance: Int)] {
        var given: [String: Int] = [:]
        var received: [String: Int] = [:]
        for exchange in exchanges where exchange.helper != exchange.host {
            given[exchange.helper, default: 0] += exchange.tenths
            received[exchange.host, default: 0] += exchange.tenths
        }
        var result: [String: (given: Int, received: Int, balance: Int)] = [:]
        for household in Set(given.keys).union(received.keys) {
            let g = given[household] ?? 0
            let r = received[household] ?? 0
            result[household] = (g, r, g - r)
        }
        return result
    }

    /// Tenths of a mu or a day written as text: `3`, `2.5` → 30, 25; nil when it is not such a number.
    public static func tenths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber) else { return nil }
        guard parts.count == 2 else { return whole * 10 }
        guard parts[1].count == 1, let tenth = Int(parts[1]) else { return nil }
        return whole * 10 + tenth
    }

    /// Tenths as text: 25 → "2.5", 30 → "3".
    public static func text(tenths: Int) -> String { tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)" }
}
