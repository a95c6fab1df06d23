import Foundation
import Testing
@testable import LianxinCore

@Suite("History steps: another system's order history replayed through the machine")
struct HistoryStepsTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
    static let unit = UUID()
    static let actors = HistorySteps.Actors(
        desk: .staff(.operator, id: UUID()), dispatcher: .staff(.dispatcher, id: UUID()),
        handler: .staff(.departmentHandler, id: UUID(), departmentID: unit))
    static let notes = HistorySteps.Notes(accepted: "导入", completed: "办结", closed: "结案")

    @Test func item05_aDissatisfiedRevisitDoesNotReopenAnImportedOrderAndItCloses() throws {
        let steps = HistorySteps(
            times: [
                .received: Self.at(0), .dispatched: Self.at(10), .signed: Self.at(20), .completed: Self.at(600), .revisited: Self.at(900),
                .closed: Self.at(1000),
            ],
            evaluation: Evaluation(satisfaction: .dissatisfied, solved: false))
        #expect(steps.problems(now: Self.at(2000)).isEmpty)
        let id = UUID()
        let transitions = try steps.replay(
            orderID: id, intake: WorkOrderIntake(orderID: id), departmentID: Self.unit, actors: Self.actors, notes: Self.notes)
        #expect(transitions.map(\.event.kind) == [.created, .accepted, .dispatched, .signed, .completed, .evaluated, .closed])
        #expect(transitions.map(\.event.at) == [0, 0, 10, 20, 600, 900, 1000].map(Self.at))
        #expect(transitions.last?.state.status == .closed)
        #expect(transitions[5].event.to == .evaluated)
        #expect(transitions[1].event.note == "导入")
    }

    @Test func item05_theLiveMachineStillReopensOnADissatisfiedRevisit() throws {
        let id = UUID()
        let steps = HistorySteps(times: [.received: Self.at(0), .dispatched: Self.at(1), .signed: Self.at(2), .completed: Self.at(3)])
        let completed = try #require(
            try steps.replay(orderID: id, intake: WorkOrderIntake(orderID: id), departmentID: Self.unit, actors: Self.actors, notes: Self.notes).last)
        let revisit = try WorkOrderMachine.apply(
            .revisit(Evaluation(satisfaction: .dissatisfied, solved: false)), to: completed.state, by: Self.actors.desk, at: Self.at(4))
        #expect(revisit.state.status == .reopened)
    }

    @Test func item05_stepsOutOfOrderMissingOrInTheFutureAreNamed() {
        let steps = HistorySteps(
            times: [.received: Self.at(100), .dispatched: Self.at(50), .completed: Self.at(200), .closed: Self.at(5000)],
            evaluation: Evaluation(satisfaction: .satisfied, solved: true))
        let problems = steps.problems(now: Self.at(1000))
        #expect(problems.contains(.beforeStep(.dispatched, earlier: .received)))
        #expect(problems.contains(.missingStep(.completed, needs: .signed)))
        #expect(problems.contains(.inFuture(.closed)))
        #expect(problems.contains(.evaluationWithoutRevisit))
        #expect(HistorySteps(times: [.received: Self.at(0), .revisited: Self.at(1)]).problems(now: Self.at(2)).contains(.revisitWithoutEvaluation))
    }

    @Test func historyTimesAreBeijingTimeUnlessTheyCarryAnOffset() {
        let nine = HistoryTime.parse("2026-08-03 09:00")
        #expect(nine == HistoryTime.parse("2026-08-03T01:00:00Z"))
        #expect(nine == HistoryTime.parse("2026/08/03 09:00:00"))
        #expect(nine == HistoryTime.parse("2026-08-03T09:00:00+08:00"))
        #expect(nine == HistoryTime.parse("2026-08-03 09:00:00.000"))
        #expect(nine?.timeIntervalSince1970 == 1_785_718_800)
        for bad in ["2026-08-03", "2026-13-03 09:00", "2026-08-03 25:00", "yesterday", "2026-08-03 09:00+99:00", ""] {
            #expect(HistoryTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func aCSVStreamFedInPiecesReadsWhatTheWholeTableReads() throws {
        let text = "\u{FEFF}a,b,c\n1,\"two, with comma\",3\r\n4,\"multi\nline \"\"quoted\"\"\",6\n\n7,8,9"
        let table = try CSVTable(parsing: text)
        for size in [1, 2, 3, 7, 100] {
            var stream = CSVStream()
            var records: [(line: Int, fields: [String])] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                records += stream.feed(String(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            records += stream.finish()
            #expect(records.first?.fields == table.header)
            #expect(records.dropFirst().map(\.fields) == table.rows.map(\.fields), "pieces of \(size)")
            #expect(records.dropFirst().map(\.line) == table.rows.map(\.line))
        }
        var open = CSVStream()
        _ = open.feed("a,\"b\n")
        #expect(open.finish().isEmpty && open.unterminatedQuoteLine == 1)
    }
}
