import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

extension TestClient {
    func catalogueWrite(_ method: HTTPMethod, _ path: String, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await send(method, path, headers: ["X-CSRF-Token": try await csrf()], raw: (Array(data), .json))
    }
}

@Suite("The dispatch catalogue (派单目录): API, versions, routing by role per division")
struct CatalogueTests {
    @Test func item17_categoriesAreCreatedEditedMovedAndDisabledEachAsANewVersion() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let created = try await client.catalogueWrite(
                .POST, "/api/v1/categories",
                ["code": "030801", "name": "夜间渣土运输", "parentCode": "03", "roles": "城管", "keywords": ["渣土车", "夜间运输"]])
            #expect(created.status == .created)
            let detail = try created.json(CatalogueController.Detail.self)
            #expect(detail.category.slaPolicy == "longnan-general", "a new category without a policy takes its parent's")
            #expect(detail.category.version == 1 && detail.versions.map(\.change) == ["created"])

            let edited = try await client.catalogueWrite(
                .PATCH, "/api/v1/categories/030801", ["name": "渣土运输扰民", "slaPolicy": "longnan-simple", "tier": "general"])
            #expect(try edited.json(CatalogueController.Detail.self).category.version == 2)
            let moved = try await client.catalogueWrite(.POST, "/api/v1/categories/030801/move", ["parentCode": "0302"])
            let afterMove = try moved.json(CatalogueController.Detail.self)
            #expect(afterMove.category.parentCode == "0302" && afterMove.category.version == 3)
            #expect(afterMove.versions.map(\.name) == ["渣土运输扰民", "渣土运输扰民", "夜间渣土运输"], "every version is kept, newest first")

            let cycle = try await client.catalogueWrite(.POST, "/api/v1/categories/03/move", ["parentCode": "030801"])
            #expect(try cycle.status == .unprocessableEntity && cycle.problemFields() == ["/parentCode"])
            let unchanged = try await client.send(.GET, "/api/v1/categories/03").json(CatalogueController.Detail.self)
            #expect(unchanged.category.parentCode == nil)

            let disabled = try await client.catalogueWrite(.POST, "/api/v1/categories/030801/disable", [:])
            #expect(try disabled.json(CatalogueController.Detail.self).category.active == false)
            let listed = try await client.send(.GET, "/api/v1/categories").json([WorkOrdersController.CategoryDTO].self)
            #expect(!listed.contains { $0.code == "030801" }, "a disabled category is not offered")
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "category:030801" })

            // Only the deployment's system administrator changes the catalogue.
            let staff = try await Staff.signIn(app)
            #expect(try await staff.dispatcher.catalogueWrite(.PATCH, "/api/v1/categories/0301", ["name": "x"]).status == .forbidden)
            let county = try await unitAdmin("xz-admin", division: "361102", app)
            #expect(try await county.catalogueWrite(.PATCH, "/api/v1/categories/0301", ["name": "x"]).status == .forbidden)
        }
    }

    @Test func item17_badCategoryInputIsRefusedWholeWithEveryFieldNamed() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let before = try await count("categories", app)
            let bad = try await client.catalogueWrite(
                .POST, "/api/v1/categories",
                [
                    "code": "坏 code", "name": "", "parentCode": "NOPE", "roles": "province=城管", "keywords": ["a;b"],
                    "slaPolicy": "none", "tier": "easy", "activeFrom": "2027-02-01", "activeTo": "2027-01-01",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                Set(try bad.problemFields()) == [
                    "/code", "/name", "/parentCode", "/roles", "/keywords/0", "/slaPolicy", "/tier", "/activeTo",
                ])
            let taken = try await client.catalogueWrite(.POST, "/api/v1/categories", ["code": "0301", "name": "重复", "slaPolicy": "12530"])
            #expect(try taken.problemFields() == ["/code"])
            #expect(try await count("categories", app) == before, "nothing written")
            #expect(try await client.send(.GET, "/api/v1/categories/NOPE").status == .notFound)
        }
    }

    @Test func item17_anOrderKeepsTheCategoryVersionItWasFiledWith() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0301"
            let order = try await staff.create(body).json(WorkOrderDTO.self)
            let filed = try #require(order.categoryVersion)
            try await client.login("admin")
            #expect(try await client.catalogueWrite(.PATCH, "/api/v1/categories/0301", ["name": "建筑施工噪声"]).status == .ok)
            let later = try await staff.create(body).json(WorkOrderDTO.self)
            #expect(later.categoryVersion == filed + 1)
            let again = try await staff.operatorClient.send(.GET, "/api/v1/work-orders/\(order.id)").json(WorkOrderDTO.self)
            #expect(again.categoryVersion == filed, "the first order keeps the version it was filed with")
            let page = try await staff.operatorClient.send(.GET, "/orders/\(order.id)").body.string
            #expect(page.contains("施工扰民") && !page.contains("建筑施工噪声"), "its page shows the name it was filed under")
            let newer = try await staff.operatorClient.send(.GET, "/orders/\(later.id)").body.string
            #expect(newer.contains("建筑施工噪声"))
        }
    }

    @Test func item07_anOrderGoesToTheUnitThatPlaysTheCategorysRoleInItsDivision() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await Staff.signIn(app)
            let xinzhou = try await staff.create().json(WorkOrderDTO.self)
            let district = try await staff.departmentID("XZ-CG")
            #expect(xinzhou.suggestedDepartmentId?.uuidString == district, "信州区's bureau, not the city's")
            try await client.login("admin")
            // 广丰区 maps 城管 to its own unit: its orders go there from then on.
            #expect(
                try await client.unitWrite(.POST, "/api/v1/departments", ["code": "GF-CG", "name": "广丰区城市管理局", "divisionCode": "361103"])
                    .status == .created)
            let mapped = try await client.catalogueWrite(
                .PUT, "/api/v1/category-roles", ["divisionCode": "361103", "role": "城管", "departmentCode": "GF-CG"])
            #expect(mapped.status == .ok)
            let elsewhere = try await client.catalogueWrite(
                .PUT, "/api/v1/category-roles", ["divisionCode": "361102", "role": "城管", "departmentCode": "GF-CG"])
            #expect(try elsewhere.status == .unprocessableEntity && elsewhere.problemFields() == ["/departmentCode"], "a unit of another county")
            let unknownRole = try await client.catalogueWrite(
                .PUT, "/api/v1/category-roles", ["divisionCode": "361103", "role": "不存在的角色", "departmentCode": "GF-CG"])
            #expect(try unknownRole.problemFields() == ["/role"])
            let catalog = try await ReferenceData.catalog(app.lianxin.referenceCache, on: app.db)
            let streetLight = try #require(catalog.categories["0601"])
            #expect(Routing.department(for: streetLight, in: DivisionCode("361103001")!, catalog: catalog)?.code == "GF-CG")
            #expect(Routing.department(for: streetLight, in: DivisionCode("361102001001")!, catalog: catalog)?.code == "XZ-CG")
            #expect(Routing.department(for: streetLight, in: DivisionCode("361104")!, catalog: catalog)?.code == "SR-CG", "no mapping: the city's")
            let county = try await unitAdmin("gf-admin", division: "361103", app)
            let intoXinzhou = try await county.catalogueWrite(
                .PUT, "/api/v1/category-roles", ["divisionCode": "361102", "role": "城管", "departmentCode": "SR-CG"])
            #expect(try intoXinzhou.problemFields() == ["/divisionCode"], "a county maps only its own divisions")
        }
    }

    @Test func item07_theDeskSuggestsTheLeafCategoryAndTheDistrictsUnit() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let response = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/suggestions", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: ["title": "工地夜间施工扰民", "description": "小区旁边的工地每天半夜施工，打桩声音很大，吵得睡不着", "divisionCode": "361102001001"])
            let output = try response.json(IntakeSuggestionsController.Output.self)
            let first = try #require(output.categories.first)
            #expect(first.code == "0301" && first.name == "施工扰民", "施工扰民, not 施工管理")
            #expect(first.slaPolicy == "longnan-simple", "3 working days, not 7")
            #expect(first.departmentName == "信州区住房和城乡建设局", "the district's bureau for the district's order")
        }
    }

    @Test func item17_internalCategoriesAreNotOfferedToOpen311Clients() async throws {
        try await withLianxin(demo: true) { app, client in
            let services = try await client.send(.GET, "/open311/v2/services.json").body.string
            #expect(services.contains("\"0601\""))
            #expect(!services.contains("\"2201\""), "网格巡查发现 is internal")
        }
    }
}
