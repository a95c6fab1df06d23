import Foundation
import Testing
@testable import LianxinCore

@Suite struct SLAPolicyTests {
    @Test func shipsTheThreePracticesAsFourPolicies() {
        #expect(SLAPolicy.builtIn.map(\.code) == ["12530", "longnan-simple", "longnan-general", "hour-response-same-day"])
        #expect(SLAPolicy.rule12530.stages.map(\.limit) == [.minutes(1), .minutes(2), .minutes(5), .minutes(30)])
        #expect(SLAPolicy.longnanSimple.limit(for: .complete)?.limit == .workingDays(3))
        #expect(SLAPolicy.longnanGeneral.limit(for: .complete)?.limit == .workingDays(7))
        #expect(SLAPolicy.longnanGeneral.limit(for: .feedback)?.limit == .workingDays(3))
        #expect(SLAPolicy.hourResponseSameDay.limit(for: .complete)?.limit == .endOfDay())
        #expect(SLAPolicy.rule12530.limit(for: .complete) == nil)
    }

    @Test func survivesARoundTripThroughJSON() throws {
        let data = try JSONEncoder().encode(SLAPolicy.builtIn)
        #expect(try JSONDecoder().decode([SLAPolicy].self, from: data) == SLAPolicy.builtIn)
    }

    @Test func readsPoliciesWrittenByAdmins() throws {
        let json = #"""
            {"code": "night-watch", "name": "夜间值守", "englishName": "Night watch",
             "stages": [{"stage": "sign", "limit": {"amount": 10, "unit": "minutes"}, "warning": {"minutesBefore": 3}},
                        {"stage": "complete", "limit": {"amount": 2, "unit": "workingHours"}, "warning": {"fraction": 0.5}}]}
            """#
        let policy = try JSONDecoder().decode(SLAPolicy.self, from: Data(json.utf8))
        #expect(policy.limit(for: .sign) == StageLimit(.sign, .minutes(10), warning: .minutesBefore(3)))
        #expect(policy.limit(for: .complete)?.warning == .fraction(0.5))
    }

    @Test func refusesPoliciesThatCannotBeCounted() {
        #expect(throws: SLAPolicyError.repeatedStage(.sign)) {
            try SLAPolicy(
                code: "x", name: "x", englishName: "x",
                stages: [StageLimit(.sign, .minutes(5)), StageLimit(.sign, .minutes(9))])
        }
        #expect(throws: SLAPolicyError.invalidLimit(.complete)) {
            try SLAPolicy(code: "x", name: "x", englishName: "x", stages: [StageLimit(.complete, .minutes(0))])
        }
        #expect(throws: SLAPolicyError.missingCode) { try SLAPolicy(code: "", name: "x", englishName: "x", stages: []) }
        let sign = #"{"stage":"sign","limit":{"amount":1,"unit":"minutes"},"warning":{"fraction":0.8}}"#
        let repeated = #"{"code":"x","name":"x","englishName":"x","stages":["# + sign + "," + sign + "]}"
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SLAPolicy.self, from: Data(repeated.utf8)) }
        let badWarning = #"{"fraction": 1.5}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WarningThreshold.self, from: Data(badWarning.utf8)) }
    }
}
