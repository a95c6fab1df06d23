import Testing
import LianxinCore

@Suite("The unit tree: parents on the unit's line, no cycles")
struct UnitTreeTests {
    func node(_ code: String, _ division: String, _ parent: String? = nil) -> UnitNode {
        UnitNode(code: code, division: DivisionCode(division)!, parent: parent)
    }

    @Test func item01_aTreeWithACycleAParentOfAnotherCountyOrAnUnknownParentIsNamedUnitByUnit() {
        let problems = UnitTree.problems([
            node("SR-CG", "3611"), node("XZ-CG", "361102", "SR-CG"), node("XZ-CG-1", "361102001", "XZ-CG"),
            node("GF-T", "361103001", "XZ-CG"), node("A", "361102", "B"), node("B", "361102", "A"), node("C", "361102", "NONE"),
            node("UP", "3611", "XZ-CG"),
        ])
        #expect(problems["SR-CG"] == nil && problems["XZ-CG"] == nil && problems["XZ-CG-1"] == nil)
        #expect(problems["GF-T"] == [.parentOutsideLine("XZ-CG")])
        #expect(problems["A"] == [.cycle] && problems["B"] == [.cycle])
        #expect(problems["C"] == [.unknownParent("NONE")])
        #expect(problems["UP"] == [.parentOutsideLine("XZ-CG")], "a parent lies at or above its unit")
        #expect(UnitLevel(division: DivisionCode("361102001")!) == .township && UnitLevel(division: DivisionCode("36")!) == nil)
    }
}
