import Foundation
import LianxinCore
import Testing

@Suite("Medical-insurance files: the published columns read back exactly, every bad cell is named")
struct ClaimCSVTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func generatedFilesReadBackToTheSameRecords() throws {
        let output = SettlementGenerator(seed: 3).generate(settlements: 300, injectedPerRule: 1)
        let settlements = ClaimCSV.settlements(try CSVTable(parsing: output.settlementsCSV), now: now)
        let items = ClaimCSV.items(try CSVTable(parsing: output.itemsCSV))
        let prices = ClaimCSV.prices(try CSVTable(parsing: output.pricesCSV))
        let sexItems = ClaimCSV.sexItems(try CSVTable(parsing: output.sexItemsCSV))
        #expect(settlements.problems.isEmpty && items.problems.isEmpty && prices.problems.isEmpty && sexItems.problems.isEmpty)
        #expect(settlements.records == output.settlements)
        #expect(items.records == output.items)
        #expect(Dictionary(uniqueKeysWithValues: prices.records.map { ($0.code, $0.value) }) == output.references.maxUnitPriceFen)
        #expect(Dictionary(uniqueKeysWithValues: sexItems.records.map { ($0.code, $0.value) }) == output.references.itemSex)
        #expect(output.settlementsCSV.hasPrefix(ClaimCSV.settlementColumns.joined(separator: ",") + "\r\n"))
        #expect(ClaimCSV.orphanItems(items, settlements: Set(settlements.records.map(\.settlement.id))).isEmpty)
    }

    @Test func everyProblemOfEveryRowIsReportedWithItsLineAndColumn() throws {
        let text = """
            settlement_id,institution_code,patient_id,patient_sex,patient_birth_date,visit_type,admission_date,discharge_date,primary_diagnosis,secondary_diagnoses,total_amount,fund_amount,settled_at
            S1,H1,360824199001011234,3,1990-02-30,home,2026-03-05,2026-03-01,J18.9,I10;x,12.345,20,2026-03-01T10:00:00+08:00
            S1,,360824199001011236,1,1990-01-01,outpatient,2026-03-01,2026-03-01,J18.9,,100.00,70.00,yesterday
            """
        let reading = ClaimCSV.settlements(try CSVTable(parsing: text), now: now)
        let found = Set(reading.problems.map { "\($0.line):\($0.column):\($0.reason.rawValue)" })
        #expect(reading.records.isEmpty)
        #expect(
            found == [
                "2:patient_id:invalid", "2:patient_sex:invalid", "2:patient_birth_date:invalid", "2:visit_type:invalid",
                "2:discharge_date:order", "2:secondary_diagnoses:invalid", "2:total_amount:invalid",
                "3:settlement_id:duplicate", "3:institution_code:missing", "3:settled_at:invalid",
            ])
    }

    @Test func aFileWithoutAColumnIsRefusedByNamingTheColumn() throws {
        let reading = ClaimCSV.items(try CSVTable(parsing: "settlement_id,line_no\nS1,1\n"))
        #expect(reading.problems.count == ClaimCSV.itemColumns.count - 2)
        #expect(reading.problems.contains(ClaimCSV.Problem(line: 1, column: "item_code", reason: .missingColumn)))
    }

    @Test func moneyAndDaysReadStrictly() {
        #expect(ClaimMoney.fen("12.3") == 1230 && ClaimMoney.fen("0.05") == 5 && ClaimMoney.fen("7") == 700)
        #expect(ClaimMoney.fen("-1") == nil && ClaimMoney.fen("1.234") == nil && ClaimMoney.fen(".5") == nil)
        #expect(ClaimMoney.yuan(123_405) == "1234.05")
        #expect(ClaimDay("2026-02-29") == nil && ClaimDay("2028-02-29") != nil)
        #expect(ClaimDay("2026-03-01")!.days(to: ClaimDay("2026-03-16")!) == 15)
        #expect(ClaimDay("2026-03-01")!.description == "2026-03-01")
    }
}
