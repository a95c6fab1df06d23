import Foundation
import Fluent
import Vapor
import LianxinCore
@testable import LianxinServer

/// A county's worth of generated settlements loaded the way an operator would: divisions, institutions
/// (the first half in 信州区 361102, the rest in 广丰区 361103), persons, then the four files.
enum InsuranceFixture {
    static let generator = SettlementGenerator(seed: 5, institutionCount: 12)

    static func output(settlements: Int = 600, injected: Int = 1) -> SettlementGenerator.Output {
        generator.generate(settlements: settlements, injectedPerRule: injected)
    }

    static func division(_ code: String, _ name: String, _ app: Application) async throws {
        guard try await Division.find(code, on: app.db) == nil else { return }
        let row = Division()
        row.id = code
        row.name = name
        row.level = code.count == 4 ? "city" : "county"
        if code.count > 4 { row.parentCode = String(code.prefix(4)) }
        try await row.create(on: app.db)
    }

    static func institutionsCSV(_ output: SettlementGenerator.Output) -> String {
        "code,name,level,division_code\n"
            + output.institutions.enumerated().map { index, code in
                "\(code),医院\(index + 1),二级,\(index < output.institutions.count / 2 ? "361102" : "361103")\n"
            }.joined()
    }

    static func personsCSV(_ output: SettlementGenerator.Output) -> String {
        "code,name,institution_code\n"
            + output.institutions.flatMap { code in (1...5).map { "\(code)-D0\($0),医师\($0),\(code)\n" } }.joined()
    }

    @discardableResult
    static func load(_ app: Application, _ output: SettlementGenerator.Output) async throws -> SettlementImporter.Report {
        for (code, name) in [("3611", "上饶市"), ("361102", "信州区"), ("361103", "广丰区")] { try await division(code, name, app) }
        let registry = InsuranceRegistryImporter(application: app)
        _ = try await registry.importInstitutions(institutionsCSV(output))
        _ = try await registry.importPersons(personsCSV(output))
        return try await SettlementImporter(application: app).importFiles(
            .init(settlements: output.settlementsCSV, items: output.itemsCSV, prices: output.pricesCSV, sexItems: output.sexItemsCSV),
            actor: .commandLine)
    }
}
