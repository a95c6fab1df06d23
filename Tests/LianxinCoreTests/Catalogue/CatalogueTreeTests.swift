import Testing
import LianxinCore

@Suite("The dispatch catalogue: tree rules, roles per level, role resolution, leaf suggestions")
struct CatalogueTreeTests {
    func node(_ code: String, _ parent: String? = nil, _ roles: String = "") throws -> CatalogueNode {
        CatalogueNode(code: code, parent: parent, roles: try DepartmentRoles(parsing: roles))
    }

    @Test func aTreeOfAnyDepthIsFineButACycleAnUnknownParentOrSevenLevelsAreNamed() throws {
        let problems = CatalogueTree.problems([
            try node("03"), try node("0301", "03"), try node("030101", "0301"), try node("A", nil), try node("B", "C"), try node("C", "B"),
            try node("X", "NONE"), try node("L1"), try node("L2", "L1"), try node("L3", "L2"), try node("L4", "L3"), try node("L5", "L4"),
            try node("L6", "L5"), try node("L7", "L6"),
        ])
        #expect(problems["03"] == nil && problems["0301"] == nil && problems["030101"] == nil && problems["L6"] == nil)
        #expect(problems["B"] == [.cycle] && problems["C"] == [.cycle])
        #expect(problems["X"] == [.unknownParent("NONE")])
        #expect(problems["L7"] == [.tooDeep])
    }

    @Test func rolesAreReadPerLevelAndWrittenBackTheSame() throws {
        let roles = try DepartmentRoles(parsing: "住建; township=村镇建设")
        #expect(roles.role(at: .city) == "住建" && roles.role(at: .county) == "住建" && roles.role(at: .township) == "村镇建设")
        #expect(roles.text == "住建;township=村镇建设")
        #expect(try DepartmentRoles(parsing: roles.text) == roles)
        #expect(throws: DepartmentRolesError.unknownLevel("province")) { try DepartmentRoles(parsing: "province=城管") }
        #expect(throws: DepartmentRolesError.twoCommonRoles) { try DepartmentRoles(parsing: "城管;住建") }
        #expect(try DepartmentRoles(parsing: "").isEmpty)
    }

    @Test func aCategoryWithoutARoleTakesItsParents() throws {
        let nodes = Dictionary(
            uniqueKeysWithValues: [try node("01", nil, "城管;township=综合执法"), try node("0101", "01"), try node("010101", "0101")].map {
                ($0.code, $0)
            })
        #expect(CatalogueTree.role(of: "010101", at: .county, in: nodes) == "城管")
        #expect(CatalogueTree.role(of: "010101", at: .township, in: nodes) == "综合执法")
    }

    @Test func item07_aRoleResolvesToTheOrdersOwnDivisionFirstThenUpTheLine() throws {
        let nodes = Dictionary(uniqueKeysWithValues: [try node("06", nil, "城管"), try node("0601", "06")].map { ($0.code, $0) })
        let resolver = RoleResolver([
            RoleAssignment(division: DivisionCode("3611")!, role: "城管", unitCode: "SR-CG"),
            RoleAssignment(division: DivisionCode("361102")!, role: "城管", unitCode: "XZ-CG"),
            RoleAssignment(division: DivisionCode("361102001")!, role: "城管", unitCode: "XZ-CG-SN"),
        ])
        #expect(resolver.unit(for: "0601", in: DivisionCode("361102001001")!, nodes: nodes)?.unitCode == "XZ-CG-SN", "the township's own unit")
        #expect(
            resolver.unit(for: "0601", in: DivisionCode("361102002001")!, nodes: nodes)?.unitCode == "XZ-CG", "a township without one: the district's"
        )
        #expect(resolver.unit(for: "0601", in: DivisionCode("361102")!, nodes: nodes)?.unitCode == "XZ-CG")
        #expect(
            resolver.unit(for: "0601", in: DivisionCode("361103001")!, nodes: nodes)?.unitCode == "SR-CG",
            "another county without a mapping: the city's")
        #expect(
            resolver.unit(for: "0601", in: DivisionCode("361102001")!, nodes: nodes, usable: { $0 != "XZ-CG-SN" })?.unitCode == "XZ-CG",
            "a disabled unit is passed over")
        #expect(resolver.unit(for: "99", in: DivisionCode("361102")!, nodes: nodes) == nil)
    }

    @Test func item07_theClassifiersTopLevelGuessIsCarriedDownToTheLeafTheTextNames() {
        let entries = [
            CatalogueTerms(code: "03", parent: nil, terms: ["施工管理"]),
            CatalogueTerms(code: "0301", parent: "03", terms: ["施工扰民", "夜间施工", "施工噪音"]),
            CatalogueTerms(code: "0303", parent: "03", terms: ["工地扬尘", "扬尘"]),
            CatalogueTerms(code: "06", parent: nil, terms: ["市政设施"]),
            CatalogueTerms(code: "0601", parent: "06", terms: ["路灯损坏", "路灯"]),
        ]
        let noise = LeafSuggester.suggest(
            text: "小区旁边工地夜间施工，噪音很大，半夜睡不着", topConfidence: ["03": 0.6, "06": 0.2], entries: entries)
        #expect(noise.first?.code == "0301", "施工扰民, not 施工管理")
        #expect(!noise.contains { $0.code == "03" }, "a top-level guess whose leaf was found is not repeated")
        #expect(noise.contains { $0.code == "06" }, "a guess whose subtree no word matches stays as it is")
        let none = LeafSuggester.suggest(text: "其他问题", topConfidence: ["03": 0.5], entries: entries)
        #expect(none.map(\.code) == ["03"])
    }
}
