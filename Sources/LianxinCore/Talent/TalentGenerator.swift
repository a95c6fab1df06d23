/// Generated people and demands for the matching benchmark, with a labelled set built by planting.
///
/// Background people draw all their skills from ONE trade. A labelled demand asks for two skills of
/// one trade and one of another, so no background person can hold all three; for it the generator
/// plants `relevantPerDemand` people who fit by construction (all skills, certificates valid beyond the
/// period, free for all of it, the mode accepted, consented, within 30 km, another employer) and
/// `nearMissesPerDemand` people who each fail exactly one of those. The labels are the planting, not
/// the ranker's output: precision@10 asks whether the planted fits come before the near misses and the
/// thousands of background people sharing some of the skills.
public struct TalentGenerator: Sendable {
    /// A demand of the labelled set with the ids planted as fits.
    public struct Labelled: Sendable {
        public let demand: TalentDemandSpec
        public let relevant: Set<String>
    }

    public let people: [TalentCandidate]
    public let demands: [TalentDemandSpec]
    public let labelled: [Labelled]

    /// The park centre (Jingdezhen high-tech zone) around which people and workplaces lie.
    public static let centre = GeoPoint(lon: 117.25, lat: 29.30)
    /// 2026-01-01 as a day ordinal.
    public static let firstDay = 20_454

    /// `total` people (background plus planted), `demandCount` demands of which `labelledCount` are labelled.
    public init(
        total: Int, demandCount: Int, labelledCount: Int, relevantPerDemand: Int = 10, nearMissesPerDemand: Int = 30, seed: UInt64 = 23
    ) {
        var random = SplitMix64(seed: seed)
        let vocabulary = TalentVocabulary.aviation
        let trades = vocabulary.trades.map { $0.skills.map(\.code) }
        let certificates = vocabulary.certificates.map(\.code)
        let organisations = (1...60).map { "org-\($0)" }
        func pick<T>(_ items: [T]) -> T { items[random.uniform(below: items.count)] }
        func place(withinKm km: Double) -> GeoPoint {
            let degrees = km / 111
            return GeoPoint(
                lon: Self.centre.lon + (Double(random.uniform(below: 2001)) / 1000 - 1) * degrees,
                lat: Self.centre.lat + (Double(random.uniform(below: 2001)) / 1000 - 1) * degrees)
        }
        func window() -> TalentPeriod {
            let start = Self.firstDay + random.uniform(below: 600)
            return TalentPeriod(start: start, end: start + 30 + random.uniform(below: 300))
        }
        func modes() -> Set<SharingMode> {
            var set: Set<SharingMode> = []
            for _ in 0..<(2 + random.uniform(below: 3)) { set.insert(pick(SharingMode.allCases)) }
            return set
        }

        var people: [TalentCandidate] = []
        var labelled: [Labelled] = []
        var demands: [TalentDemandSpec] = []
        for number in 0..<labelledCount {
            let first = random.uniform(below: trades.count)
            let second = (first + 1 + random.uniform(below: trades.count - 1)) % trades.count
            let mainSkills = trades[first].shuffled(using: &random).prefix(2)
            let skills = Array(mainSkills) + [pick(trades[second])]
            let certificate: [String] = random.uniform(below: 2) == 0 ? [pick(certificates)] : []
            let start = Self.firstDay + random.uniform(below: 500)
            let period = TalentPeriod(start: start, end: start + 29 + random.uniform(below: 90))
            let demandOrg = pick(organisations)
            let demand = TalentDemandSpec(
                demandOrg: demandOrg, skills: skills, certificates: certificate, mode: pick(SharingMode.allCases), period: period,
                location: place(withinKm: 20))
            var relevant: Set<String> = []
            for slot in 0..<(relevantPerDemand + nearMissesPerDemand) {
                let flaw = slot < relevantPerDemand ? -1 : (slot - relevantPerDemand) % 6
                let id = "L\(number)-\(slot)"
                var home = pick(organisations.filter { $0 != demandOrg })
                var heldSkills = skills + [pick(pick(trades))]
                var held = certificate.map { TalentCandidate.Certificate(code: $0, expires: period.end + 30 + random.uniform(below: 700)) }
                var free = [TalentPeriod(start: period.start - random.uniform(below: 30), end: period.end + random.uniform(below: 60))]
                var accepted = modes().union([demand.mode])
                var location = place(withinKm: 30)
                switch flaw {
                case 0: heldSkills = Array(skills.prefix(1 + random.uniform(below: 2))) + [pick(trades[first])]
                case 1:
                    if certificate.isEmpty { heldSkills = [skills[2]] } else { held = held.map { .init(code: $0.code, expires: period.start + 5) } }
                case 2: free = [TalentPeriod(start: period.end - 3, end: period.end + 60)]
                case 3: location = GeoPoint(lon: Self.centre.lon + 3.5, lat: Self.centre.lat + 2.5)
                case 4: accepted.remove(demand.mode)
                case 5: home = demandOrg
                default: relevant.insert(id)
                }
                people.append(
                    TalentCandidate(
                        id: id, homeOrg: home, skills: heldSkills, certificates: held, availability: free, modes: accepted,
                        location: location, experienceYears: 1 + random.uniform(below: 15), consented: true))
            }
            labelled.append(Labelled(demand: demand, relevant: relevant))
            demands.append(demand)
        }
        let background = max(0, total - people.count)
        for number in 0..<background {
            let trade = pick(trades)
            let skills = Array(trade.shuffled(using: &random).prefix(1 + random.uniform(below: trade.count)))
            let held: [TalentCandidate.Certificate] =
                random.uniform(below: 10) < 4
                ? [TalentCandidate.Certificate(code: pick(certificates), expires: Self.firstDay + random.uniform(below: 1400))] : []
            people.append(
                TalentCandidate(
                    id: "P\(number)", homeOrg: random.uniform(below: 10) == 0 ? nil : pick(organisations), skills: skills,
                    certificates: held, availability: (0..<(1 + random.uniform(below: 2))).map { _ in window() }, modes: modes(),
                    location: place(withinKm: 150), experienceYears: random.uniform(below: 25), consented: random.uniform(below: 10) != 0))
        }
        while demands.count < demandCount {
            let trade = pick(trades)
            let start = Self.firstDay + random.uniform(below: 500)
            demands.append(
                TalentDemandSpec(
                    demandOrg: pick(organisations), skills: Array(trade.shuffled(using: &random).prefix(2 + random.uniform(below: 2))),
                    certificates: random.uniform(below: 4) == 0 ? [pick(certificates)] : [], mode: pick(SharingMode.allCases),
                    period: TalentPeriod(start: start, end: start + 29 + random.uniform(below: 150)), location: place(withinKm: 20)))
        }
        self.people = people.shuffled(using: &random)
        self.demands = demands
        self.labelled = labelled
    }

    /// The share of the first ten ranked ids that are labelled relevant, averaged over the labelled set.
    public static func precisionAt10(_ matcher: TalentMatcher, _ labelled: [Labelled]) -> Double {
        guard !labelled.isEmpty else { return 0 }
        let total = labelled.reduce(0.0) { sum, item in
            let top = matcher.rank(item.demand, limit: 10).matches
            return sum + Double(top.filter { item.relevant.contains($0.candidateID) }.count) / 10
        }
        return total / Double(labelled.count)
    }
}
