import Foundation
import Testing
import LianxinCore

@Suite("一哨一评 scoring")
struct WhistleScoringTests {
    let required = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func anOnTimeDepartmentWithTopMarksScores100() {
        let scoring = WhistleScoring()
        let top = WhistleScoring.Marks(handling: 5, satisfaction: 5)
        #expect(scoring.score(required: required, reported: required.addingTimeInterval(-60), blower: top, requester: top) == 100)
    }

    @Test func lateMinutesCostPointsAndNoReportScoresZeroArrival() {
        let scoring = WhistleScoring()
        #expect(scoring.arrivalScore(required: required, reported: required.addingTimeInterval(10 * 60)) == 80)
        #expect(scoring.arrivalScore(required: required, reported: required.addingTimeInterval(61)) == 96, "a started minute counts")
        #expect(scoring.arrivalScore(required: required, reported: required.addingTimeInterval(3600)) == 0)
        #expect(scoring.arrivalScore(required: required, reported: nil) == 0)
    }

    @Test func theBlowerAndTheRequesterAreBlendedByTheBlowerWeight() {
        let scoring = WhistleScoring()
        let blower = WhistleScoring.Marks(handling: 5, satisfaction: 4)  // 100, 75
        let requester = WhistleScoring.Marks(handling: 3, satisfaction: 1)  // 50, 0
        // arrival 80 (10 min late); handling 0.6×100+0.4×50 = 80; satisfaction 0.6×75 = 45
        let score = scoring.score(required: required, reported: required.addingTimeInterval(600), blower: blower, requester: requester)
        #expect(score == 69.5)
        #expect(scoring.score(required: required, reported: required, blower: nil, requester: requester) == nil)
        #expect(!WhistleScoring.Marks(handling: 0, satisfaction: 6).isValid)
    }
}
