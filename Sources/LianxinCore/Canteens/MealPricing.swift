/// 幸福食堂 (happiness canteens, 萍乡): village and community canteens where older people eat for a small price —
/// "8 块钱一餐，90 岁以上还免费" — with the rest of each meal's cost paid by the county as a subsidy. Who pays what
/// is a list of rules a county keeps as data: the first rule whose conditions all hold sets the price; a diner no
/// rule fits pays the full cost.
public enum MealPricing {
    /// A diner's standing that a rule may name (the "一老一小一残" care groups and social assistance).
    public enum Status: String, Sendable, CaseIterable, Codable {
        /// No particular standing.
        case ordinary
        /// 低保: on the minimum living allowance.
        case minimumLiving
        /// 特困供养: supported as extremely poor.
        case extremePoverty
        /// 残疾: holds a disability certificate.
        case disabled
    }

    /// One line of a county's price list: applies from `minAge` (when given) to diners of `status` (when given).
    public struct Rule: Sendable, Hashable, Codable {
        public let minAge: Int?
        public let status: Status?
        /// What the diner pays for one meal, in fen.
        public let priceFen: Int

        public init(minAge: Int?, status: Status?, priceFen: Int) {
            self.minAge = minAge
            self.status = status
            self.priceFen = priceFen
        }

        func applies(age: Int, status: Status) -> Bool {
            (minAge.map { age >= $0 } ?? true) && (self.status.map { $0 == status } ?? true)
        }
    }

    /// 萍乡's list as the seed tells it (free from 90, 8 yuan from 60), with the usual free meals for those supported
    /// as extremely poor and the older people's price for disabled diners. A county edits its own.
    public static let pingxiang: [Rule] = [
        Rule(minAge: 90, status: nil, priceFen: 0),
        Rule(minAge: nil, status: .extremePoverty, priceFen: 0),
        Rule(minAge: 60, status: nil, priceFen: 800),
        Rule(minAge: nil, status: .disabled, priceFen: 800),
    ]

    /// What one meal costs a diner and what the county owes the canteen for it.
    public struct Quote: Sendable, Hashable {
        /// The rule that set the price (its position in the list), nil when none fits and the diner pays the cost.
        public let rule: Int?
        public let priceFen: Int
        public let subsidyFen: Int
    }

    /// The price of one meal of `costFen` for a diner of `age` and `status` under `rules`. A price above the cost
    /// is capped at the cost: a canteen never earns on a subsidised meal, and the subsidy is never negative.
    public static func quote(age: Int, status: Status, costFen: Int, rules: [Rule]) -> Quote {
        guard let index = rules.firstIndex(where: { $0.applies(age: age, status: status) }) else {
            return Quote(rule: nil, priceFen: costFen, subsidyFen: 0)
        }
        let price = min(max(rules[index].priceFen, 0), costFen)
        return Quote(rule: index, priceFen: price, subsidyFen: costFen - price)
    }

    /// What is wrong with a price list, as locale keys: a negative price, an age outside 0–150, a line that can
    /// never apply because an earlier, wider line always wins first.
    public static func problems(_ rules: [Rule]) -> [(index: Int, key: String)] {
        var problems: [(Int, String)] = []
        for (index, rule) in rules.enumerated() {
            if rule.priceFen < 0 || rule.priceFen > 100_000 { problems.append((index, "canteen_rule_price")) }
            if let age = rule.minAge, !(0...150).contains(age) { problems.append((index, "canteen_rule_age")) }
            if rules[..<index].contains(where: { covers($0, rule) }) { problems.append((index, "canteen_rule_never")) }
        }
        return problems
    }

    /// Whether `earlier` applies to every diner `rule` applies to (so `rule`, coming later, never sets a price).
    static func covers(_ earlier: Rule, _ rule: Rule) -> Bool {
        let ages: Bool
        switch (earlier.minAge, rule.minAge) {
        case (nil, _): ages = true
        case (let from?, nil): ages = from <= 0
        case (let from?, let to?): ages = to >= from
        }
        return ages && (earlier.status == nil || earlier.status == rule.status)
    }

    /// Age in whole years on `day` for someone born on `birth` (both as year, month, day).
    public static func age(born birth: (year: Int, month: Int, day: Int), on day: (year: Int, month: Int, day: Int)) -> Int {
        let years = day.year - birth.year
        return (day.month, day.day) < (birth.month, birth.day) ? years - 1 : years
    }

    /// Villages (or communities) with at least one open canteen, of all villages in sight: the coverage a county
    /// reports ("已覆盖 80% 的行政村").
    public static func coverage(villages: Set<String>, withCanteen: Set<String>) -> (covered: Int, total: Int, percent: Int) {
        let covered = villages.intersection(withCanteen).count
        return (covered, villages.count, villages.isEmpty ? 0 : covered * 100 / villages.count)
    }
}
