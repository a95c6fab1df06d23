// The medical-insurance screening benchmark's Swift side, compiled with LianxinCore's sources (Foundation only)
// by scripts/bench/medical_insurance.sh: generate settlements until the lines reach the target, with injected
// cases of every rule; write the four files in the published columns; read them back through the import
// readers; screen with every rule; print the times and write each lead's key for DuckDB to compare.
import Foundation

let arguments = CommandLine.arguments
let targetLines = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let directory = arguments.count > 2 ? arguments[2] : FileManager.default.temporaryDirectory.path

func seconds(since start: Date) -> String { String(format: "%.2f s", Date().timeIntervalSince(start)) }

var started = Date()
let generator = SettlementGenerator(seed: 2026, institutionCount: 40)
let output = generator.generate(settlements: targetLines / 8, injectedPerRule: 20)
print(
    "generated \(output.settlements.count) settlements, \(output.items.count) lines, \(output.injected.count) injected cases in \(seconds(since: started))"
)

started = Date()
let files = [
    ("settlements.csv", output.settlementsCSV), ("items.csv", output.itemsCSV), ("prices.csv", output.pricesCSV),
    ("sex_items.csv", output.sexItemsCSV),
]
for (name, text) in files { try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
print("wrote the four files in \(seconds(since: started))")

started = Date()
let now = Date()
func read(_ name: String) throws -> CSVTable { try CSVTable(parsing: String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)) }
let settlements = ClaimCSV.settlements(try read("settlements.csv"), now: now)
let items = ClaimCSV.items(try read("items.csv"))
let prices = ClaimCSV.prices(try read("prices.csv"))
let sexItems = ClaimCSV.sexItems(try read("sex_items.csv"))
let problems = settlements.problems.count + items.problems.count + prices.problems.count + sexItems.problems.count
print(
    "read and checked \(settlements.records.count) settlements and \(items.records.count) lines in \(seconds(since: started)) (\(problems) problems)")

let references = ClaimReferences(
    maxUnitPriceFen: Dictionary(uniqueKeysWithValues: prices.records.map { ($0.code, $0.value) }),
    itemSex: Dictionary(uniqueKeysWithValues: sexItems.records.map { ($0.code, $0.value) }))
let records = settlements.records.map(\.settlement)
var leads: [Lead] = []
var best = Double.infinity
for _ in 0..<3 {
    let start = Date()
    leads = Screener(references: references).screen(settlements: records, items: items.records)
    best = min(best, Date().timeIntervalSince(start))
}
let perRule = Dictionary(grouping: leads, by: \.rule).map { "\($0.key.rawValue) \($0.value.count)" }.sorted().joined(separator: ", ")
print(String(format: "swift: screened %d lines with all rules in %.3f s (best of 3): %d leads (%@)", items.records.count, best, leads.count, perRule))
let missed = output.injected.filter { injected in
    !leads.contains {
        $0.rule == injected.rule && $0.institutionCode == injected.institutionCode
            && (injected.settlementID == nil || $0.settlementID == injected.settlementID)
    }
}
print("swift: \(output.injected.count - missed.count) of \(output.injected.count) injected cases found")
try leads.map(\.key).sorted().joined(separator: "\n").write(toFile: "\(directory)/swift_leads.txt", atomically: true, encoding: .utf8)
