import Foundation
import LianxinCore
import Testing

@Suite struct ServiceOrderMachineTests {
    private let volunteer = CommunityFixtures.id(1)
    private let other = CommunityFixtures.id(2)

    @Test func anOrderGoesFromOrderedThroughAssignedTakenAndCompletedToEvaluated() throws {
        var state = try ServiceOrderMachine.apply(.assign(volunteerID: volunteer), status: .ordered, assignee: nil)
        #expect(state.status == .assigned && state.assignee == volunteer)
        state = try ServiceOrderMachine.apply(.take(volunteerID: volunteer), status: state.status, assignee: state.assignee)
        #expect(state.status == .taken)
        state = try ServiceOrderMachine.apply(.complete(note: "上门理发一次"), status: state.status, assignee: state.assignee)
        #expect(state.status == .completed)
        state = try ServiceOrderMachine.apply(
            .evaluate(Evaluation(satisfaction: .satisfied, solved: true)),
            status: state.status, assignee: state.assignee)
        #expect(state.status == .evaluated && state.status.isFinal && state.status.isDone)
    }

    @Test func onlyTheAssignedVolunteerTakesTheOrderAndOnlyOnce() throws {
        #expect(throws: ServiceOrderError.notTheAssignee(action: "take")) {
            try ServiceOrderMachine.apply(.take(volunteerID: other), status: .assigned, assignee: volunteer)
        }
        #expect(throws: ServiceOrderError.notAllowedInStatus(action: "take", status: .taken)) {
            try ServiceOrderMachine.apply(.take(volunteerID: volunteer), status: .taken, assignee: volunteer)
        }
        #expect(throws: ServiceOrderError.notAllowedInStatus(action: "take", status: .ordered)) {
            try ServiceOrderMachine.apply(.take(volunteerID: volunteer), status: .ordered, assignee: nil)
        }
    }

    @Test func aDeclineReturnsTheOrderToTheCommunityWithAReason() throws {
        let state = try ServiceOrderMachine.apply(.decline(volunteerID: volunteer, reason: "临时出差"), status: .taken, assignee: volunteer)
        #expect(state.status == .ordered && state.assignee == nil)
        #expect(throws: ServiceOrderError.textRequired(action: "decline")) {
            try ServiceOrderMachine.apply(.decline(volunteerID: volunteer, reason: "  "), status: .assigned, assignee: volunteer)
        }
    }

    @Test func completingNeedsANoteAndEvaluatingNeedsACompletedOrder() {
        #expect(throws: ServiceOrderError.textRequired(action: "complete")) {
            try ServiceOrderMachine.apply(.complete(note: ""), status: .taken, assignee: CommunityFixtures.id(1))
        }
        #expect(throws: ServiceOrderError.notAllowedInStatus(action: "evaluate", status: .taken)) {
            try ServiceOrderMachine.apply(.evaluate(Evaluation(satisfaction: .satisfied, solved: true)), status: .taken, assignee: nil)
        }
        #expect(throws: ServiceOrderError.notAllowedInStatus(action: "evaluate", status: .evaluated)) {
            try ServiceOrderMachine.apply(.evaluate(Evaluation(satisfaction: .dissatisfied, solved: false)), status: .evaluated, assignee: nil)
        }
    }

    @Test func anOrderIsCancelledOnlyBeforeItIsTaken() throws {
        #expect(try ServiceOrderMachine.apply(.cancel(reason: "不需要了"), status: .assigned, assignee: volunteer).status == .cancelled)
        #expect(throws: ServiceOrderError.notAllowedInStatus(action: "cancel", status: .taken)) {
            try ServiceOrderMachine.apply(.cancel(reason: "不需要了"), status: .taken, assignee: volunteer)
        }
        #expect(ServiceOrderError.textRequired(action: "complete").field == "/note")
    }
}

@Suite struct WishMachineTests {
    @Test func aWishIsClaimedFulfilledAndConfirmedEachOnce() throws {
        var status = WishStatus.posted
        for step in [WishMachine.Step.claim, .fulfil, .confirm] { status = try WishMachine.apply(step, to: status) }
        #expect(status == .confirmed)
    }

    @Test func aClaimedWishCannotBeClaimedAgain() {
        for status in [WishStatus.claimed, .fulfilled, .confirmed] {
            #expect(throws: WishMachine.Refusal.alreadyClaimed) { try WishMachine.apply(.claim, to: status) }
        }
        #expect(throws: WishMachine.Refusal.notAllowedInStatus(step: .claim, status: .withdrawn)) { try WishMachine.apply(.claim, to: .withdrawn) }
    }

    @Test func stepsOutOfOrderAreRefused() {
        #expect(throws: WishMachine.Refusal.notAllowedInStatus(step: .fulfil, status: .posted)) { try WishMachine.apply(.fulfil, to: .posted) }
        #expect(throws: WishMachine.Refusal.notAllowedInStatus(step: .confirm, status: .claimed)) { try WishMachine.apply(.confirm, to: .claimed) }
        #expect(throws: WishMachine.Refusal.notAllowedInStatus(step: .withdraw, status: .claimed)) { try WishMachine.apply(.withdraw, to: .claimed) }
    }
}

@Suite struct PointsExchangeTests {
    @Test func anExchangeCostsPriceTimesQuantity() throws {
        #expect(try PointsExchange.cost(quantity: 2, price: 30, stock: 5, balance: 60) == 60)
    }

    @Test func anExchangeThatWouldOverdrawIsRefusedNamingTheVolunteer() {
        #expect(throws: PointsExchange.Refusal.insufficientBalance(balance: 59, required: 60)) {
            try PointsExchange.cost(quantity: 2, price: 30, stock: 5, balance: 59)
        }
        #expect(PointsExchange.Refusal.insufficientBalance(balance: 0, required: 1).field == "/volunteerId")
        #expect(throws: PointsExchange.Refusal.insufficientBalance(balance: 10, required: Int.max)) {
            try PointsExchange.cost(quantity: 2, price: Int.max, stock: 5, balance: 10)
        }
    }

    @Test func anExchangeBeyondTheStockOrOfNothingIsRefusedNamingTheQuantity() {
        #expect(throws: PointsExchange.Refusal.outOfStock(stock: 1, requested: 2)) {
            try PointsExchange.cost(quantity: 2, price: 1, stock: 1, balance: 100)
        }
        #expect(throws: PointsExchange.Refusal.quantityNotPositive(0)) { try PointsExchange.cost(quantity: 0, price: 1, stock: 1, balance: 100) }
        #expect(PointsExchange.Refusal.outOfStock(stock: 0, requested: 1).field == "/quantity")
    }
}

@Suite struct OpeningHoursTests {
    @Test func weekdayRangesAndWindowsAreReadAndWrittenBack() throws {
        let hours = try OpeningHours(parsing: "1-5 08:30-12:00,14:00-17:30；6,7 09:00-12:00")
        #expect(hours.description == "1-5 08:30-12:00,14:00-17:30; 6-7 09:00-12:00")
    }

    @Test func isOpenFollowsBeijingTimeAndTheWeekday() throws {
        let hours = try OpeningHours(parsing: "1-5 08:30-17:30; 6 09:00-12:00")
        // 2025-03-06 is a Thursday, 2025-03-08 a Saturday, 2025-03-09 a Sunday.
        #expect(hours.isOpen(at: CommunityFixtures.instant("2025-03-06 08:30")))
        #expect(!hours.isOpen(at: CommunityFixtures.instant("2025-03-06 17:30")))
        #expect(!hours.isOpen(at: CommunityFixtures.instant("2025-03-06 08:29")))
        #expect(hours.isOpen(at: CommunityFixtures.instant("2025-03-08 11:59")))
        #expect(!hours.isOpen(at: CommunityFixtures.instant("2025-03-08 14:00")))
        #expect(!hours.isOpen(at: CommunityFixtures.instant("2025-03-09 10:00")))
    }

    @Test func roundTheClockIsAllowed() throws {
        #expect(try OpeningHours(parsing: "1-7 00:00-24:00").isOpen(at: CommunityFixtures.instant("2025-03-09 23:59")))
    }

    @Test func malformedHoursAreRefusedWithTheirPart() {
        for text in [
            "", "08:30-17:30", "0-5 08:00-12:00", "1-8 08:00-12:00", "5-1 08:00-12:00", "1-5 12:00-08:00", "1-5 8:00-12:00", "1-5 08:00-25:00",
        ] {
            #expect(throws: OpeningHours.ParseError.self) { try OpeningHours(parsing: text) }
        }
    }
}
