import Testing
@testable import LianxinCore

@Suite("农耕地互助: the request's guard table, seasons by month, days given and received (换工), tenths")
struct FarmAidTests {
    @Test func aRequestIsAssignedThenDoneOrCancelledAndNothingElse() {
        #expect(FarmAid.apply(.assign, to: .open) == .assigned)
        #expect(FarmAid.apply(.assign, to: .assigned) == .assigned, "another team may take it over")
        #expect(FarmAid.apply(.complete, to: .assigned) == .done)
        #expect(FarmAid.apply(.complete, to: .open) == nil, "no work done without a team")
        #expect(FarmAid.apply(.cancel, to: .open) == .cancelled)
        for action in FarmAid.Action.allCases {
            #expect(FarmAid.apply(action, to: .done) == nil && FarmAid.apply(action, to: .cancelled) == nil)
        }
    }

    @Test func theBusySeasonsOfARiceVillage() {
        #expect(FarmAid.Season(month: 4) == .springPloughing)
        #expect(FarmAid.Season(month: 7) == .summerHarvest)
        #expect(FarmAid.Season(month: 10) == .autumnHarvest)
        #expect(FarmAid.Season(month: 1) == .winter && FarmAid.Season(month: 12) == .winter)
    }

    @Test func daysGivenAndReceivedBalancePerHousehold() {
        let balances = FarmAid.balances([
            .init(helper: "章吉仙", host: "章仁标", tenths: 10), .init(helper: "邱家", host: "章仁标", tenths: 5),
            .init(helper: "章仁标", host: "邱家", tenths: 10), .init(helper: "章仁标", host: "章仁标", tenths: 30),
        ])
        #expect(balances["章仁标"]! == (10, 15, -5))
        #expect(balances["章吉仙"]! == (10, 0, 10))
        #expect(balances["邱家"]! == (5, 10, -5))
    }

    @Test func tenthsAreReadAndWrittenAsPeopleTypeThem() {
        #expect(FarmAid.tenths("3") == 30 && FarmAid.tenths("2.5") == 25 && FarmAid.tenths("0.5") == 5)
        for bad in ["", "2.55", "-1", "三", "1.", ".5", "1e3"] { #expect(FarmAid.tenths(bad) == nil, "\(bad)") }
        #expect(FarmAid.text(tenths: 25) == "2.5" && FarmAid.text(tenths: 30) == "3")
    }
}
