import Foundation
import Testing
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("Importing divisions")
struct DivisionImportTests {
    @Test func aCleanFileIsLoadedAndReloadingChangesNothing() async throws {
        try await withLianxin { app, _ in
            let importer = DivisionImporter(database: app.db)
            let text = "code,level,name,parent_code\n36,province,江西省,\n3611,city,上饶市,36\n361102,county,信州区,3611\n"
            let first = try await importer.importCSV(text, actor: .commandLine, now: Date())
            #expect(first.inserted == 3)
            let second = try await importer.importCSV(text, actor: .commandLine, now: Date())
            #expect(second.inserted == 0 && second.unchanged == 3)
        }
    }

    @Test func aBadFileIsRefusedWholeWithEveryIssue() async throws {
        try await withLianxin { app, _ in
            let text = """
                code,level,name,parent_code
                36,province,江西省,
                3611,city,上饶市,36
                36x1,city,坏代码,36
                361102,county,信州区,3611
                361102,county,重复,3611
                361199001,township,无上级,361199
                """
            await #expect(throws: DivisionImporter.Failed.self) {
                _ = try await DivisionImporter(database: app.db).importCSV(text, actor: .commandLine, now: Date())
            }
            do {
                _ = try await DivisionImporter(database: app.db).importCSV(text, actor: .commandLine, now: Date())
            } catch let failure as DivisionImporter.Failed {
                #expect(failure.issues.map(\.kind) == [.badCode, .duplicate, .unknownParent])
            }
            #expect(try await count("divisions", app) == 0, "nothing partial is written")
        }
    }

    @Test func thePublicJiangxiTownshipFileImports() async throws {
        let path = repositoryRoot + "/../shared/data/divisions/jiangxi_townships_2023.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("skipping: \(path) is not beside the project")
            return
        }
        try await withLianxin { app, _ in
            let report = try await DivisionImporter(database: app.db).importCSV(text, actor: .commandLine, now: Date())
            #expect(report.inserted == 1879)
            #expect(try await Division.query(on: app.db).filter(\.$level == "township").count() == 1767)
        }
    }
}
