import Foundation
import Testing
import Fluent
import SQLKit
import Vapor
import LianxinCore
@testable import LianxinServer

@Suite("Medical-insurance import: all or nothing, every problem listed, patient IDs sealed, screened on import")
struct InsuranceImportTests {
    @Test func importedSettlementsAreScreenedAndEveryInjectedCaseBecomesALead() async throws {
        try await withLianxin { app, _ in
            let output = InsuranceFixture.output()
            let report = try await InsuranceFixture.load(app, output)
            #expect(report.settlements == output.settlements.count && report.lines == output.items.count)
            let leads = try await InsuranceLead.query(on: app.db).all()
            for injected in output.injected {
                #expect(
                    leads.contains {
                        $0.rule == injected.rule.rawValue && $0.institutionCode == injected.institutionCode
                            && (injected.settlementID == nil || $0.settlementID == injected.settlementID)
                    },
                    "\(injected.rule) in \(injected.settlementID ?? injected.institutionCode)")
            }
            let divisions = try await InsuranceStore.institutions(on: app.db)
            #expect(leads.allSatisfy { $0.divisionCode == divisions[$0.institutionCode]?.divisionCode && $0.status == "open" })
            let again = try await ScreeningService(database: app.db, now: app.lianxin.now()).run()
            #expect(again.added == 0 && again.leads >= leads.count, "screening again adds no lead twice")
            #expect(try await auditActions(app).contains { $0.action == "mi-settlements.import" })
        }
    }

    @Test func ruleSettingsAreDataThatTheNextScreeningReads() async throws {
        try await withLianxin { app, _ in
            let output = InsuranceFixture.output(settlements: 200, injected: 1)
            let bad = Data(#"[{"kind":"excess-supply","enabled":true,"parameters":{"colour":1},"institutionPoints":1,"personPoints":1}]"#.utf8)
            await #expect(throws: Problem.self) { try await ScreeningRuleSettings.store(bad, application: app) }
            let settings = Data(
                #"[{"kind":"trauma-check","enabled":false,"parameters":{},"institutionPoints":1,"personPoints":0},"#
                    .appending(
                        #"{"kind":"excess-supply","enabled":true,"parameters":{"max-days-supply":90},"institutionPoints":4,"personPoints":4}]"#
                    )
                    .utf8)
            #expect(try await ScreeningRuleSettings.store(settings, application: app) == 2)
            try await InsuranceFixture.load(app, output)
            let rules = Set(try await InsuranceLead.query(on: app.db).all().map(\.rule))
            #expect(!rules.contains("trauma-check") && !rules.contains("excess-supply") && rules.contains("over-price"))
            #expect(try await InsuranceStore.rules(on: app.db)[.excessSupply]?.institutionPoints == 4)
        }
    }

    @Test func patientIDsAreSealedAndFoundByTheirBlindIndex() async throws {
        try await withLianxin { app, _ in
            let output = InsuranceFixture.output(settlements: 50, injected: 0)
            try await InsuranceFixture.load(app, output)
            let first = output.settlements[0]
            let row = try #require(try await InsuranceSettlement.query(on: app.db).filter(\.$settlementID == first.settlement.id).first())
            #expect(!String(decoding: row.patientIDCipher, as: UTF8.self).contains(first.patientID))
            #expect(row.patientIDIndex == app.lianxin.cipher.blindIndex(first.patientID))
            #expect(try app.lianxin.cipher.open(row.patientIDCipher, for: .insurancePatientID, row: row.requireID()) == first.patientID)
            #expect(try await count("mi_settlements", app) == 50)
        }
    }

    @Test func aFileWithProblemsIsRefusedWholeWithEveryProblemNamed() async throws {
        try await withLianxin { app, _ in
            let output = InsuranceFixture.output(settlements: 30, injected: 0)
            try await InsuranceFixture.load(app, output)
            let lines = output.settlementsCSV.components(separatedBy: "\r\n")
            let bad = output.generatorNext(lines[1]).replacingOccurrences(of: ",outpatient,", with: ",clinic,")
                .replacingOccurrences(of: ",inpatient,", with: ",clinic,")
            let badSettlements = [lines[0], bad, output.generatorNext(lines[2]), lines[3]].joined(separator: "\r\n")
            let badItems = CSVWriter.line(ClaimCSV.itemColumns) + "NOPE,1,XA01,阿莫西林胶囊,drug,1,12.50,12.50,,D1,2026-01-05\r\n"
            do {
                try await SettlementImporter(application: app).importFiles(
                    .init(settlements: badSettlements, items: badItems), actor: .commandLine)
                Issue.record("a file with problems was imported")
            } catch let problem as Problem {
                let fields = Set(problem.errors.map(\.field))
                #expect(fields.contains("settlements.csv line 2, visit_type"), "\(fields)")
                #expect(fields.contains("settlements.csv line 4, settlement_id"), "already imported: \(fields)")
                #expect(fields.count == 3, "the new good row has no problem: \(fields)")
                #expect(fields.contains("items.csv line 2, settlement_id"), "a line of an unknown settlement: \(fields)")
                #expect(problem.status == .unprocessableEntity)
            }
            #expect(try await count("mi_settlements", app) == 30, "nothing of the refused files was written")
            #expect(try await count("mi_items", app) == output.items.count)
        }
    }
}

extension SettlementGenerator.Output {
    /// A copy of a settlements.csv row with a settlement id of its own, so that it is new to the database.
    fileprivate func generatorNext(_ line: String) -> String {
        var fields = line.components(separatedBy: ",")
        fields[0] = "NEW" + fields[0]
        return fields.joined(separator: ",")
    }
}
