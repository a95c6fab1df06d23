import Testing

@testable import LianxinCore

@Suite struct ReadinessTests {
    private func ready() -> Readiness.Facts {
        var facts = Readiness.Facts()
        facts.townships = [.init(code: "360823100", name: "水边镇"), .init(code: "360823101", name: "马埠镇")]
        facts.categories = [.init(code: "01", name: "市容环境"), .init(code: "18", name: "其他")]
        facts.routes = { _, _ in true }
        facts.units = [.init(code: "U1", name: "城管局", liaisons: 1, handlers: 2)]
        facts.grids = [(.init(code: "G1", name: "一网格"), 1)]
        facts.accounts = [.operator: 1, .dispatcher: 1]
        facts.calendarYears = [2026, 2027]
        facts.year = 2026
        facts.month = 12
        return facts
    }

    @Test func aCountyWithEverythingInPlaceIsReady() {
        let findings = Readiness.findings(ready())
        #expect(findings.isEmpty)
        #expect(Readiness.isReady(findings))
    }

    @Test func anEmptyDatabaseNamesEveryStepStillToDo() {
        var facts = Readiness.Facts()
        facts.year = 2026
        facts.month = 3
        let findings = Readiness.findings(facts)
        #expect(findings.map(\.check) == [.divisions, .units, .catalogue, .accounts, .accounts, .calendar])
        #expect(findings.allSatisfy { $0.severity == .blocker })
        #expect(findings.filter { $0.check == .accounts }.map(\.subject) == ["operator", "dispatcher"])
    }

    @Test func aCategoryWithoutAUnitNamesTheTownshipsWhereItIsMissing() {
        var facts = ready()
        facts.routes = { category, township in !(category == "01" && township == "360823101") }
        let findings = Readiness.findings(facts)
        #expect(findings == [.init(check: .routing, severity: .blocker, subject: "01", subjectName: "市容环境", places: ["马埠镇"])])
        #expect(!Readiness.isReady(findings))
    }

    @Test func routingIsNotJudgedBeforeAnyUnitExists() {
        var facts = ready()
        facts.units = []
        facts.routes = { _, _ in false }
        #expect(Readiness.findings(facts).map(\.check) == [.units])
    }

    @Test func aUnitWithoutALiaisonBlocksAndOneWithoutAHandlerWarns() {
        var facts = ready()
        facts.units = [.init(code: "U2", name: "住建局", liaisons: 0, handlers: 0)]
        let findings = Readiness.findings(facts)
        #expect(findings.map(\.check) == [.liaison, .unitHandler])
        #expect(findings.map(\.severity) == [.blocker, .warning])
    }

    @Test func aGridWithoutAFullTimeMemberBlocksAndNoGridsAtAllWarns() {
        var facts = ready()
        facts.grids = [(.init(code: "G2", name: "二网格"), 0), (.init(code: "G1", name: "一网格"), 1)]
        #expect(Readiness.findings(facts) == [.init(check: .gridMember, severity: .blocker, subject: "G2", subjectName: "二网格")])
        facts.grids = []
        #expect(Readiness.findings(facts) == [.init(check: .grids, severity: .warning)])
    }

    @Test func thisYearsHolidaysBlockAndNextYearsWarnOnlyOnceTheyAreDue() {
        var facts = ready()
        facts.calendarYears = [2027]
        #expect(Readiness.findings(facts) == [.init(check: .calendar, severity: .blocker, subject: "2026")])
        facts.calendarYears = [2026]
        #expect(Readiness.findings(facts) == [.init(check: .calendar, severity: .warning, subject: "2027")])
        facts.month = Readiness.nextYearDueMonth - 1
        #expect(Readiness.findings(facts).isEmpty, "next year's holidays are not published before November")
    }

    @Test func blockersComeBeforeWarningsWhateverTheCheck() {
        var facts = ready()
        facts.grids = []
        facts.units = [.init(code: "U2", name: "住建局", liaisons: 1, handlers: 0)]
        facts.accounts = [.operator: 1]
        let findings = Readiness.findings(facts)
        #expect(findings.map(\.severity) == [.blocker, .warning, .warning])
        #expect(findings.first?.check == .accounts)
    }
}

@Suite struct DivisionSelectionTests {
    private let file = """
        code,level,name,parent_code
        36,province,江西省,
        3608,city,吉安市,36
        360823,county,峡江县,3608
        360823101,township,马埠镇,360823
        360824,county,新干县,3608
        360824100,township,金川镇,360824
        3608231x1,township,坏代码,360823

        """

    @Test func aProvinceFileKeepsTheCountysLineAndTreeOnly() throws {
        let kept = try #require(try DivisionFile.select(file, for: DivisionCode("360823")!))
        let codes = kept.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[0] }
        #expect(codes == ["36", "3608", "360823", "360823101", "3608231x1"], "an unreadable code is kept for the check to report")
        guard case .failure(let rejected) = DivisionFile.read(kept) else {
            Issue.record("the bad code must be refused")
            return
        }
        #expect(rejected.issues.map(\.kind) == [.badCode])
    }

    @Test func aFileWithoutTheCountyGivesNothing() throws {
        #expect(try DivisionFile.select(file, for: DivisionCode("360825")!) == nil)
    }
}
