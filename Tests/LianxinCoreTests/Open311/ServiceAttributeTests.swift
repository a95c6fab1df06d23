import Testing
@testable import LianxinCore

@Suite struct ServiceAttributeTests {
    let state = ServiceAttribute(
        code: "lamp_state", datatype: .singlevaluelist, required: true, order: 1, description: "路灯状况",
        values: ServiceAttribute.parseValues("off=整晚不亮; flicker=闪烁;bad;=x"))

    @Test func listValuesAreParsedAndAnswersBecomeTheirNames() {
        #expect(state.values.map(\.key) == ["off", "flicker"])
        #expect(state.check("off") == .success("整晚不亮"))
        #expect(state.check("burning") == .failure(.invalid("lamp_state", "one of off, flicker")))
        #expect(state.check("  ") == .failure(.missing("lamp_state")))
    }

    @Test func eachDatatypeIsChecked() {
        let number = ServiceAttribute(code: "n", datatype: .number, required: false, order: 1, description: "")
        #expect(number.check(nil) == .success(nil))
        #expect(number.check("2.5") == .success("2.5"))
        #expect(number.check("two") == .failure(.invalid("n", "not a number")))
        let when = ServiceAttribute(code: "t", datatype: .datetime, required: false, order: 1, description: "")
        #expect(when.check("2026-11-25T21:00:00+08:00") == .success("2026-11-25T21:00:00+08:00"))
        #expect(when.check("tonight") == .failure(.invalid("t", "not an ISO 8601 date-time")))
        #expect(AttributeProblem.missing("x").description == "attribute[x] is required")
    }
}
