import Foundation
import LianxinCore
import Testing

@Suite("Medical-insurance screening: every injected case is found, a clean population raises nothing")
struct ScreeningTests {
    static let withCases = SettlementGenerator(seed: 7).generate(settlements: 2_000, injectedPerRule: 3)
    static let clean = SettlementGenerator(seed: 11).generate(settlements: 10_000)

    func screen(_ output: SettlementGenerator.Output, rules: ScreeningRuleSet = .standard) -> [Lead] {
        Screener(rules: rules, references: output.references).screen(settlements: output.settlements.map(\.settlement), items: output.items)
    }

    @Test func everyInjectedCaseOfEveryRuleIsFoundAndNothingElseButTheOutlierNoise() {
        let output = Self.withCases
        let leads = screen(output)
        #expect(Set(output.injected.map(\.rule)) == Set(ScreeningRuleKind.allCases), "the generator injects every rule")
        #expect(output.injected.count == 3 * 9)
        for injected in output.injected {
            let found = leads.contains { lead in
                lead.rule == injected.rule && lead.institutionCode == injected.institutionCode
                    && (injected.settlementID == nil || lead.settlementID == injected.settlementID)
                    && (injected.diagnosisGroup == nil || lead.evidence.contains(Evidence(.diagnosisGroup, injected.diagnosisGroup!)))
            }
            #expect(found, "injected \(injected.rule) in \(injected.settlementID ?? injected.institutionCode) is found")
        }
        let injectedSettlements = Set(output.injected.compactMap(\.settlementID))
        let unexpected = leads.filter { $0.rule != .costOutlier && !injectedSettlements.contains($0.settlementID ?? "") }
        #expect(unexpected.isEmpty, "only injected settlements raise per-settlement leads: \(unexpected.map(\.key))")
        let perRule = Dictionary(grouping: leads.filter { $0.rule != .costOutlier }, by: \.rule).mapValues(\.count)
        #expect(perRule[.duplicateCharge] == 3 && perRule[.splitAdmission] == 3 && perRule[.excessSupply] == 3)
        #expect(perRule[.overPrice] == 3 && perRule[.sexMismatch] == 6 && perRule[.traumaCheck] == 3 && perRule[.bedOnlyStay] == 3)
    }

    @Test func aCleanPopulationOfTenThousandRaisesOnlyOutliersWithinTheirExpectedRate() {
        let output = Self.clean
        #expect(output.settlements.count == 10_000 && output.injected.isEmpty)
        let leads = screen(output)
        #expect(leads.filter { $0.rule != .costOutlier }.isEmpty, "\(leads.filter { $0.rule != .costOutlier }.prefix(5).map(\.key))")
        let cells = CostOutlierScreen(rules: .standard).cells(output.settlements.map(\.settlement))
        #expect(cells.count > 300, "enough institution-group cells are compared to speak of a rate")
        let outliers = leads.filter { $0.rule == .costOutlier }.count
        #expect(Double(outliers) <= 0.01 * Double(cells.count), "\(outliers) outliers of \(cells.count) cells")
    }

    @Test func leadsCarryEvidenceAndTheAmountAtStake() throws {
        let output = Self.withCases
        let leads = screen(output)
        let overPrice = try #require(leads.first { $0.rule == .overPrice })
        let line = try #require(output.items.first { $0.settlementID == overPrice.settlementID && "\($0.lineNo)" == overPrice.evidence[0].value })
        let ceiling = try #require(output.references.maxUnitPriceFen[line.itemCode])
        #expect(overPrice.amountFen == (line.unitPriceFen - ceiling) * Int(line.quantity))
        #expect(overPrice.doctorCode == line.doctorCode)
        let supply = try #require(leads.first { $0.rule == .excessSupply })
        #expect(supply.evidence.contains(Evidence(.daysSupply, "60")) && supply.evidence.contains(Evidence(.maxDaysSupply, "30")))
        let split = try #require(leads.first { $0.rule == .splitAdmission })
        #expect(split.evidence.contains(Evidence(.daysBetween, "7")) && split.evidence.contains(Evidence(.diagnosisGroup, "J18")))
        let bed = try #require(leads.first { $0.rule == .bedOnlyStay })
        #expect(bed.amountFen == 3 * 4000, "three bed-only days of 40 yuan")
        let outlier = try #require(leads.first { $0.rule == .costOutlier })
        #expect(outlier.settlementID == nil && outlier.amountFen > 0)
        #expect(Set(leads.map(\.key)).count == leads.count, "every lead has its own key")
    }

    @Test func parametersAndSwitchesAreData() {
        let output = Self.withCases
        var rules = ScreeningRuleSet.standard
        rules.rules = rules.rules.map { rule in
            var rule = rule
            if rule.kind == .excessSupply { rule.parameters = ["max-days-supply": 60] }
            if rule.kind == .traumaCheck { rule.enabled = false }
            if rule.kind == .splitAdmission { rule.parameters = ["readmission-days": 5] }
            return rule
        }
        let leads = screen(output, rules: rules)
        #expect(!leads.contains { $0.rule == .excessSupply }, "60 days is allowed when the limit is 60")
        #expect(!leads.contains { $0.rule == .traumaCheck }, "a disabled rule raises nothing")
        #expect(!leads.contains { $0.rule == .splitAdmission }, "a readmission 7 days after is outside a 5-day window")
        #expect(leads.contains { $0.rule == .duplicateCharge })
    }

    @Test func aRuleSetWithUnknownParametersOrNegativePointsIsRefused() {
        let set = ScreeningRuleSet(rules: [
            ScreeningRule(kind: .excessSupply, parameters: ["max-days-supply": 0, "colour": 1], institutionPoints: 1, personPoints: -1),
            ScreeningRule(kind: .excessSupply, institutionPoints: 1, personPoints: 1),
        ])
        #expect(
            set.problems == [
                .unknownParameter(.excessSupply, "colour"), .parameterOutOfRange(.excessSupply, "max-days-supply"),
                .negativePoints(.excessSupply), .duplicateKind(.excessSupply),
            ])
        #expect(ScreeningRuleSet.standard.problems.isEmpty)
    }

    @Test func injuriesAndObstetricCodesAreRecognisedByTheirICDRange() {
        #expect(Screener.isInjury("S00.0") && Screener.isInjury("s82.2") && Screener.isInjury("T14.9"))
        #expect(!Screener.isInjury("T15.0") && !Screener.isInjury("J18.9") && !Screener.isInjury("S"))
        #expect(Screener.isObstetric("O00.1") && Screener.isObstetric("O99.8") && Screener.isObstetric("O9A.1"))
        #expect(!Screener.isObstetric("OA1") && !Screener.isObstetric("N39.0"))
    }

    @Test func preAuditWarnsOneSettlementAgainstThePatientsHistoryQuickly() throws {
        let output = Self.withCases
        let screener = Screener(references: output.references)
        let injected = try #require(output.injected.first { $0.rule == .splitAdmission })
        let row = try #require(output.settlements.first { $0.settlement.id == injected.settlementID })
        let history = output.settlements.map(\.settlement).filter { $0.patientKey == row.settlement.patientKey && $0.id != row.settlement.id }
        let lines = output.items.filter { $0.settlementID == row.settlement.id }
        let started = Date()
        var warnings: [Lead] = []
        for _ in 0..<1_000 { warnings = screener.preAudit(row.settlement, items: lines, history: history) }
        let perCall = Date().timeIntervalSince(started) / 1_000
        #expect(warnings.map(\.rule) == [.splitAdmission])
        #expect(perCall < 0.005, "one pre-audit takes \(perCall * 1000) ms")
    }
}
