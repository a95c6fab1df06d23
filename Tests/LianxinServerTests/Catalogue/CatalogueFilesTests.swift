import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("The dispatch catalogue: files, the default catalogue, role mapping files, pages")
struct CatalogueFilesTests {
    static let header = "code,name,parent_code,roles,keywords,aliases,sla_policy,tier,public,active_from,active_to,active\n"

    @Test func item17_aBadCatalogueFileIsRefusedWithEveryBadRowListedAndNothingWritten() async throws {
        try await withLianxin(demo: true) { app, _ in
            let before = try await count("categories", app)
            let versions = try await count("category_versions", app)
            let bad =
                Self.header
                + "23,社区服务,,民政,,,longnan-general,,,,,\n"
                + "23,重复,,,,,longnan-general,,,,,\n"
                + "2301,未知上级,99,,,,,,,,,\n"
                + "2302,甲,2303,,,,longnan-simple,,,,,\n"
                + "2303,乙,2302,,,,longnan-simple,,,,,\n"
                + "2304,日期,23,,,,longnan-simple,,,2027-13-01,,\n"
                + "2305,顺序,23,,,,longnan-simple,,,2027-02-01,2027-01-01,\n"
                + "2306,角色,23,province=民政,,,no-policy,hard,maybe,,,\n"
            do {
                _ = try await CatalogueImporter(application: app).importCSV(bad)
                Issue.record("the bad file was accepted")
            } catch let problem as Problem {
                let fields = problem.errors.map(\.field)
                #expect(fields.contains("line 3, code"), "duplicate code")
                #expect(fields.contains("line 4, parent_code"), "unknown parent")
                #expect(fields.contains("line 5, parent_code") && fields.contains("line 6, parent_code"), "cycle")
                #expect(fields.contains("line 7, active_from"), "bad date")
                #expect(fields.contains("line 8, active_to"), "end before start")
                #expect(Set(fields.filter { $0.hasPrefix("line 9,") }) == ["line 9, roles", "line 9, sla_policy", "line 9, tier", "line 9, public"])
                #expect(!fields.contains { $0.hasPrefix("line 2,") }, "a good row is not reported")
                #expect(!problem.errors.contains { $0.message.contains("/") && $0.message.contains("pointer") })
            }
            #expect(try await count("categories", app) == before, "nothing written")
            #expect(try await count("category_versions", app) == versions)

            let good =
                Self.header + "23,社区服务,,民政,,,longnan-general,,,,,\n" + "2301,社区食堂,23,,助餐;食堂,老年食堂,,simple,true,2027-01-01,,\n"
                + "0301,施工扰民,03,,施工噪音;夜间施工,,longnan-simple,simple,true,,,true\n"
            let report = try await CatalogueImporter(application: app).importCSV(good)
            #expect(report.added == 2)
            let canteen = try #require(try await Category.find("2301", on: app.db))
            #expect(canteen.slaPolicyCode == "longnan-general" && canteen.activeFrom == "2027-01-01", "a blank policy is the parent's")
            #expect(canteen.version == 1)
        }
    }

    @Test func item17_theExportedCatalogueImportsAgainUnchanged() async throws {
        try await withLianxin(demo: true) { app, _ in
            let exported = CatalogueCSV.export(try await Category.query(on: app.db).all())
            #expect(exported.hasPrefix("\u{FEFF}code,name,parent_code,roles,keywords"))
            let report = try await CatalogueImporter(application: app).importCSV(exported)
            let total = try await count("categories", app)
            #expect(report.added == 0 && report.updated == 0 && report.unchanged == total)
        }
    }

    @Test func item17_theDefaultCatalogueHasThreeLevelsKeywordsRolesAndAPolicyPerItem() async throws {
        try await withLianxin { app, _ in
            let categories = try await Category.query(on: app.db).all()
            #expect(categories.count >= 150)
            let nodes = Dictionary(uniqueKeysWithValues: categories.map { ($0.id!, $0.node) })
            #expect(CatalogueTree.problems(Array(nodes.values)).isEmpty)
            #expect(categories.contains { CatalogueTree.lineage(of: $0.id!, in: nodes).count == 3 }, "three levels where natural")
            let parents = Set(categories.compactMap(\.parentCode))
            for leaf in categories where !parents.contains(leaf.id!) && leaf.id != "18" {
                #expect(!CategoryDefinition.list(leaf.keywords).isEmpty, "leaf \(leaf.id!) has keywords")
                #expect(CatalogueTree.role(of: leaf.id!, at: .county, in: nodes) != nil, "leaf \(leaf.id!) has a role")
            }
            #expect(try await count("category_versions", app) == categories.count, "each starts as version 1")
        }
    }

    @Test func item17_aBadRoleFileIsRefusedWholeAndAGoodOneMapsRoles() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            #expect(
                try await client.unitWrite(.POST, "/api/v1/departments", ["code": "GF-ZJ", "name": "广丰区住房和城乡建设局", "divisionCode": "361103"])
                    .status == .created)
            let before = try await count("division_roles", app)
            let bad =
                "division_code,role,unit_code\n" + "361103,住建,GF-ZJ\n" + "361103,住建,SR-ZJ\n" + "361103,没有的角色,GF-ZJ\n"
                + "361102,住建,GF-ZJ\n" + "361103,城管,NOPE\n" + "999999,城管,SR-CG\n"
            do {
                _ = try await RoleMapping.importCSV(bad, application: app)
                Issue.record("the bad file was accepted")
            } catch let problem as Problem {
                let fields = problem.errors.map(\.field)
                #expect(fields.contains("line 3, role"), "a division's role twice")
                #expect(fields.contains("line 4, role"), "unknown role")
                #expect(fields.contains("line 5, unit_code"), "a unit of another county")
                #expect(fields.contains("line 6, unit_code"), "unknown unit")
                #expect(fields.contains("line 7, division_code"), "unknown division")
                #expect(!fields.contains { $0.hasPrefix("line 2,") })
            }
            #expect(try await count("division_roles", app) == before, "nothing written")
            #expect(try await RoleMapping.importCSV("division_code,role,unit_code\n361103,住建,GF-ZJ\n", application: app) == 1)
            let exported = try await RoleMapping.export(on: app.db)
            #expect(exported.contains("361103,住建,GF-ZJ") && exported.contains("361102,城管,XZ-CG"))
        }
    }

    @Test func item17_theTreeEditorAndTheRolePagesWorkWithoutJavaScript() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let tree = try await client.send(.GET, "/admin/catalogue")
            #expect(tree.status == .ok)
            let html = tree.body.string
            #expect(html.contains("<details") && html.contains("施工扰民") && html.contains("/admin/catalogue/new?parent=03"))
            let csrf = try await client.csrf("/admin/catalogue/new")
            let refused = try await client.send(
                .POST, "/admin/catalogue/new",
                form: [
                    "_csrf": csrf, "code": "0308", "name": "", "parentCode": "03", "keywords": "渣土、夜间", "slaPolicy": "longnan-simple",
                    "tier": "simple",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("value=\"渣土、夜间\""), "what was typed is kept")
            let saved = try await client.send(
                .POST, "/admin/catalogue/new",
                form: [
                    "_csrf": csrf, "code": "0308", "name": "渣土运输", "parentCode": "03", "keywords": "渣土、夜间", "slaPolicy": "longnan-simple",
                    "tier": "simple", "isPublic": "on",
                ])
            #expect(saved.status == .seeOther)
            #expect(CategoryDefinition(try #require(try await Category.find("0308", on: app.db))).keywords == ["渣土", "夜间"])
            let moved = try await client.send(
                .POST, "/admin/catalogue/0308",
                form: ["_csrf": csrf, "name": "渣土运输", "parentCode": "01", "keywords": "渣土", "slaPolicy": "longnan-simple", "tier": "simple"])
            #expect(moved.status == .seeOther)
            #expect(try await Category.find("0308", on: app.db)?.parentCode == "01")
            let form = try await client.send(.GET, "/admin/catalogue/0308").body.string
            #expect(form.contains("第 3 版") || form.contains("第 2 版"))

            let roles = try await client.send(.GET, "/admin/catalogue/roles?division=361102").body.string
            #expect(roles.contains("信州区城市管理局") && roles.contains("城管"))
            #expect(try await client.send(.GET, "/admin/catalogue/roles?division=999999").status == .notFound)
        }
    }
}
