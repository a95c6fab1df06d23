import LianxinCore
import Testing

@Suite("人才匹配: ranked candidates with their reasons, deterministic, the index equal to a full scan")
struct TalentMatcherTests {
    let period = TalentPeriod(start: 20_500, end: 20_529)
    let park = GeoPoint(lon: 117.25, lat: 29.30)

    func person(
        _ id: String, home: String? = "江西直升机有限公司", skills: [String] = ["riveting", "final-assembly"],
        certificates: [TalentCandidate.Certificate] = [], free: [TalentPeriod]? = nil, modes: Set<SharingMode> = [.secondment],
        at location: GeoPoint? = nil, years: Int = 5, consented: Bool = true
    ) -> TalentCandidate {
        TalentCandidate(
            id: id, homeOrg: home, skills: skills, certificates: certificates, availability: free ?? [period], modes: modes,
            location: location ?? park, experienceYears: years, consented: consented)
    }

    var demand: TalentDemandSpec {
        TalentDemandSpec(
            demandOrg: "江西神州六合直升机有限责任公司", skills: ["riveting", "final-assembly"], certificates: ["caac-license"],
            mode: .secondment, period: period, location: park)
    }

    @Test func item03_theFittestComesFirstWithItsReasons() throws {
        let valid = [TalentCandidate.Certificate(code: "caac-license", expires: 20_600)]
        let matcher = TalentMatcher([
            person("half-skills", skills: ["riveting"], certificates: valid),
            person("full", certificates: valid, years: 10),
            person("far", certificates: valid, at: GeoPoint(lon: 118.25, lat: 29.30)),
        ])
        let ranking = matcher.rank(demand)
        #expect(ranking.matches.map(\.candidateID) == ["full", "far", "half-skills"])
        let best = try #require(ranking.matches.first)
        #expect(best.score == 100)
        #expect(best.matchedSkills == ["final-assembly", "riveting"])
        #expect(best.missingSkills.isEmpty)
        #expect(best.certificates == valid)
        #expect(best.availableDays == 30 && best.periodDays == 30)
        #expect(ranking.matches[2].missingSkills == ["final-assembly"])
        #expect((ranking.matches[1].distanceKm ?? 0) > 90)
    }

    @Test func item03_hardRulesLeavePeopleOutAndSayWhy() {
        let valid = [TalentCandidate.Certificate(code: "caac-license", expires: 20_600)]
        let matcher = TalentMatcher([
            person("no-consent", certificates: valid, consented: false),
            person("same-org", home: "江西神州六合直升机有限责任公司", certificates: valid),
            person("mode", certificates: valid, modes: [.leasing]),
            person("busy", certificates: valid, free: [TalentPeriod(start: 20_000, end: 20_499)]),
            person("expires-mid-period", certificates: [.init(code: "caac-license", expires: 20_510)]),
            person("no-shared-skill", skills: ["ndt"], certificates: valid),
        ])
        let ranking = matcher.rank(demand)
        #expect(ranking.matches.isEmpty)
        #expect(
            ranking.excluded == [.noConsent: 1, .sameOrganisation: 1, .modeNotAccepted: 1, .notAvailable: 1, .certificateMissing: 1])
    }

    @Test func item03_partialAvailabilityScoresItsShareAndTiesGoById() {
        let matcher = TalentMatcher([
            person("b", free: [TalentPeriod(start: 20_515, end: 20_600)]),
            person("a2"), person("a1"),
        ])
        let plain = TalentDemandSpec(
            demandOrg: "x", skills: ["riveting", "final-assembly"], certificates: [], mode: .secondment, period: period, location: park)
        let ranking = matcher.rank(plain)
        #expect(ranking.matches.map(\.candidateID) == ["a1", "a2", "b"])
        #expect(ranking.matches[2].availableDays == 15)
        #expect(ranking.matches[2].availabilityPoints == 12.5)
    }

    @Test func item03_theIndexRanksExactlyAsTheFullScan() {
        let generated = TalentGenerator(total: 3_000, demandCount: 60, labelledCount: 20, seed: 7)
        let matcher = TalentMatcher(generated.people)
        for demand in generated.demands {
            #expect(matcher.rank(demand, limit: 20).matches == matcher.rankByFullScan(demand, limit: 20).matches)
        }
    }

    @Test func item03_plantedFitsComeFirstOnTheLabelledSet() {
        let generated = TalentGenerator(total: 5_000, demandCount: 40, labelledCount: 40, seed: 11)
        #expect(generated.people.count == 5_000)
        #expect(generated.labelled.allSatisfy { $0.relevant.count == 10 })
        #expect(TalentGenerator.precisionAt10(TalentMatcher(generated.people), generated.labelled) >= 0.9)
    }

    @Test func item04_sharingSomeoneMovesThemFromSupplyToSharedOnTheMap() {
        let vocabulary = TalentVocabulary.aviation
        let free = TalentMap.Person(skills: ["riveting"], consented: true, availability: [period], sharedPeriods: [])
        let demands = [TalentMap.Demand(skills: ["riveting", "ndt"], headcount: 2, period: period)]
        let before = TalentMap.lines(vocabulary: vocabulary, people: [free, free], demands: demands, period: period)
        let riveting = before.first { $0.skill == "riveting" }
        #expect(riveting?.supply == 2 && riveting?.demand == 2 && riveting?.balance == .balanced)
        #expect(before.first { $0.skill == "ndt" }?.balance == .shortage)
        let shared = TalentMap.Person(skills: ["riveting"], consented: true, availability: [period], sharedPeriods: [period])
        let after = TalentMap.lines(vocabulary: vocabulary, people: [free, shared], demands: demands, period: period)
        let line = after.first { $0.skill == "riveting" }
        #expect(line?.supply == 1 && line?.shared == 1 && line?.gap == 1 && line?.balance == .shortage)
        #expect(before.count == vocabulary.trades.reduce(0) { $0 + $1.skills.count })
    }

    @Test func item05_offeredHeadsAreShownBesideTheSupplyAndOnlyForTheirPeriod() {
        let vocabulary = TalentVocabulary.aviation
        let later = TalentPeriod(start: period.end + 10, end: period.end + 40)
        let offers = [
            TalentMap.Demand(skills: ["riveting", "ndt"], headcount: 3, period: period),
            TalentMap.Demand(skills: ["riveting"], headcount: 5, period: later),
        ]
        let lines = TalentMap.lines(vocabulary: vocabulary, people: [], demands: [], offers: offers, period: period)
        #expect(lines.first { $0.skill == "riveting" }?.offered == 3)
        #expect(lines.first { $0.skill == "ndt" }?.offered == 3)
        // Offered heads are a lead, not people on file: the balance stays on profiles.
        #expect(lines.first { $0.skill == "riveting" }?.supply == 0 && lines.first { $0.skill == "riveting" }?.balance == .balanced)
        #expect(
            TalentMap.lines(vocabulary: vocabulary, people: [], demands: [], offers: offers, period: later).first { $0.skill == "riveting" }?.offered
                == 5)
    }
}
