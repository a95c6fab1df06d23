/// The talent map (人才图谱) in figures: for each skill, the people free to share in a period against the
/// people open demands ask for, so a leader sees shortages (缺口) and surpluses (富余) at a glance.
public enum TalentMap {
    /// One skill's line.
    public struct Line: Sendable, Hashable {
        public let skill: String
        public let trade: String
        /// People with the skill who consented and are free at some time in the period.
        public let supply: Int
        /// Heads asked for by published demands needing the skill whose period meets this one.
        public let demand: Int
        /// People with the skill working under an active agreement in the period.
        public let shared: Int
        /// Heads organisations declared they can spare with the skill (共享人力, named or as a number) for a
        /// period meeting this one: a lead for the centre, not counted in `supply` (those are profiles).
        public let offered: Int

        /// Positive: heads missing; negative: people to spare.
        public var gap: Int { demand - supply }
        public var balance: Balance { gap > 0 ? .shortage : (gap < 0 ? .surplus : .balanced) }
    }

    /// How a skill stands.
    public enum Balance: String, Sendable, CaseIterable {
        case shortage
        case balanced
        case surplus
    }

    /// A person as the map counts them.
    public struct Person: Sendable {
        public let skills: [String]
        public let consented: Bool
        public let availability: [TalentPeriod]
        /// Periods of agreements the person works under (active or ended).
        public let sharedPeriods: [TalentPeriod]

        public init(skills: [String], consented: Bool, availability: [TalentPeriod], sharedPeriods: [TalentPeriod]) {
            self.skills = skills
            self.consented = consented
            self.availability = availability
            self.sharedPeriods = sharedPeriods
        }
    }

    /// An open demand as the map counts it.
    public struct Demand: Sendable {
        public let skills: [String]
        public let headcount: Int
        public let period: TalentPeriod

        public init(skills: [String], headcount: Int, period: TalentPeriod) {
            self.skills = skills
            self.headcount = headcount
            self.period = period
        }
    }

    /// The lines of every skill in `vocabulary`, in its order, for `period`. A person working under an
    /// agreement in the period is counted as shared, not as free: sharing someone moves them from supply to shared.
    /// `offers` are organisations' declared spare heads (a `Demand`'s shape: skills, heads, period).
    public static func lines(
        vocabulary: TalentVocabulary, people: [Person], demands: [Demand], offers: [Demand] = [], period: TalentPeriod
    ) -> [Line] {
        var supply: [String: Int] = [:]
        var shared: [String: Int] = [:]
        var demand: [String: Int] = [:]
        var offered: [String: Int] = [:]
        for item in offers where item.period.overlap(with: period) > 0 {
            for skill in Set(item.skills) { offered[skill, default: 0] += max(item.headcount, 1) }
        }
        for person in people {
            let busy = person.sharedPeriods.contains { $0.overlap(with: period) > 0 }
            let free = person.consented && person.availability.contains { $0.overlap(with: period) > 0 }
            for skill in Set(person.skills) {
                if busy { shared[skill, default: 0] += 1 }
                if free && !busy { supply[skill, default: 0] += 1 }
            }
        }
        for item in demands where item.period.overlap(with: period) > 0 {
            for skill in Set(item.skills) { demand[skill, default: 0] += max(item.headcount, 1) }
        }
        return vocabulary.trades.flatMap { trade in
            trade.skills.map { skill in
                Line(
                    skill: skill.code, trade: trade.code, supply: supply[skill.code] ?? 0, demand: demand[skill.code] ?? 0,
                    shared: shared[skill.code] ?? 0, offered: offered[skill.code] ?? 0)
            }
        }
    }
}
