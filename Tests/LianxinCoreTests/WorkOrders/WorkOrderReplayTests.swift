import Foundation
import Testing
@testable import LianxinCore

/// The order row is a projection of its events: replaying the events of any valid history gives the same state.
@Suite struct WorkOrderReplayTests {
    typealias F = WorkOrderFixture

    static let units = [F.unit, F.otherUnit, F.uuid(0xD3)]

    /// Every action the walk may try, with made-up data.
    static func candidates(for state: WorkOrderState, using random: inout TestRandom) -> [WorkOrderAction] {
        let unit = units.randomElement(using: &random)!
        let evaluation = Evaluation(
            satisfaction: Satisfaction.allCases.randomElement(using: &random)!, solved: Bool.random(using: &random),
            comment: Bool.random(using: &random) ? "回访意见" : nil)
        let extra = [TimeLimit.workingDays(2), .minutes(90), .workingHours(4), .endOfDay(1)].randomElement(using: &random)!
        return [
            .accept(note: nil), .dispatch(departmentID: unit, note: "请及时处理"), .redispatch(departmentID: unit, reason: "改派"),
            .sign, .assign(assigneeID: random.uuid()), .returnOrder(reason: "非本单位职责"),
            .approveReturn(note: nil), .refuseReturn(reason: "属于本单位职责"),
            .appealAssessment(kind: .repeated, reason: "重复诉求", photoIDs: []),
            .decideAppeal(approved: Bool.random(using: &random), note: "审核意见"),
            .arrive(location: Bool.random(using: &random) ? GeoPoint(lon: 115.0, lat: 25.9) : nil), .startProgress,
            .addProgressNote(note: "进展", photoIDs: Bool.random(using: &random) ? [random.uuid()] : []),
            .requestExtension(extra: extra, reason: "协调中"), .approveExtension(note: nil), .refuseExtension(reason: "不同意"),
            .complete(note: "已办结", photoIDs: [random.uuid()], publicReply: Bool.random(using: &random) ? "答复内容" : nil),
            .review(approved: Bool.random(using: &random), note: "审核意见"),
            .verify(passed: Bool.random(using: &random), location: GeoPoint(lon: 117.9, lat: 28.4), photoIDs: [random.uuid()], note: "核查意见"),
            .revisit(evaluation), .reopen(reason: "重办"), .close(note: Bool.random(using: &random) ? "无法回访" : nil),
            .merge(parentID: random.uuid()), .shelve(reason: "挂账"), .unshelve(note: nil), .cancel(reason: "作废"),
            .pauseForRequester(reason: "等待"), .resume, .remind(note: "催办"),
            .addInformation(note: "补充信息", photoIDs: Bool.random(using: &random) ? [random.uuid()] : []),
            .supervise(deadline: Bool.random(using: &random) ? F.start.addingTimeInterval(1e9) : nil, note: "督办"),
            .escalate(reason: "提级"),
            .answerDirectly(answer: "答复", knowledgeEntryID: Bool.random(using: &random) ? random.uuid() : nil, requestKind: .inquiry),
            .dispatch(departmentID: unit, note: nil, assists: units.filter { $0 != unit && Bool.random(using: &random) }),
            .addAssists(departmentIDs: [unit], note: nil), .signAssist, .reportAssist(note: "协办反馈", photoIDs: []),
            .requestAssistRelease(reason: "非本单位职责"),
            .decideAssistRelease(departmentID: unit, approved: Bool.random(using: &random), note: "审核意见"),
            .waiveAssist(departmentID: unit, reason: "不再等待"),
        ]
    }

    /// Everyone who might act: each role in the order's unit or another, the system and a resident.
    static func actors(for state: WorkOrderState, using random: inout TestRandom) -> [WorkOrderActor] {
        Role.allCases.map { role in
            WorkOrderActor.staff(role, id: random.uuid(), departmentID: Bool.random(using: &random) ? state.departmentID : units[0])
        } + [.system, .resident(id: Bool.random(using: &random) ? random.uuid() : nil)]
            + units.map { WorkOrderActor.staff(.departmentHandler, id: random.uuid(), departmentID: $0) }
    }

    /// A random valid history: each step tries the actions in random order, each by every actor in random order,
    /// and takes the first the machine accepts; cancelling, merging and direct answers, which end the walk early, are
    /// seldom tried.
    static func randomWalk(seed: UInt64) throws -> (events: [WorkOrderEvent], states: [WorkOrderState]) {
        var random = TestRandom(seed: seed)
        let rules = WorkOrderRules(requiresReview: Bool.random(using: &random), requiresVerification: Bool.random(using: &random))
        let intake = WorkOrderIntake(
            orderID: random.uuid(), tier: Tier.allCases.randomElement(using: &random)!,
            priority: Priority.allCases.randomElement(using: &random)!)
        var time = F.start.addingTimeInterval(Double(random.next() % 10_000_000))
        var transition = try WorkOrderMachine.create(intake, by: .resident(), at: time)
        var events = [transition.event], states = [transition.state]
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            time = time.addingTimeInterval(Double(Int.random(in: 1...5_000, using: &random)))
            var actions = candidates(for: transition.state, using: &random).shuffled(using: &random)
            if Int.random(in: 0..<10, using: &random) > 0 {
                actions.removeAll { [.cancel, .merge, .answerDirectly].contains($0.kind) }
            }
            let actors = actors(for: transition.state, using: &random)
            var next: Transition?
            search: for action in actions {
                for actor in actors.shuffled(using: &random) {
                    next = try? WorkOrderMachine.apply(action, to: transition.state, by: actor, at: time, rules: rules)
                    if next != nil { break search }
                }
            }
            guard let next else { break }
            transition = next
            events.append(next.event)
            states.append(next.state)
        }
        return (events, states)
    }

    @Test func replayingAnyValidHistoryReproducesTheState() throws {
        var seenKinds: Set<WorkOrderEventKind> = []
        var seenStatuses: Set<WorkOrderStatus> = []
        for seed in UInt64(1)...300 {
            let (events, states) = try Self.randomWalk(seed: seed)
            let cut = Int(seed) % events.count + 1
            #expect(try WorkOrderState.rebuild(from: Array(events.prefix(cut))) == states[cut - 1], "seed \(seed)")
            #expect(try WorkOrderState.rebuild(from: events) == states.last, "seed \(seed)")
            let stored = try JSONDecoder().decode([WorkOrderEvent].self, from: JSONEncoder().encode(events))
            #expect(stored == events, "seed \(seed)")
            #expect(try WorkOrderState.rebuild(from: stored) == states.last, "seed \(seed)")
            #expect(events.map(\.sequence) == Array(1...events.count))
            #expect(zip(events.dropFirst(), events).allSatisfy { $0.from == $1.to })
            seenKinds.formUnion(events.map(\.kind))
            seenStatuses.formUnion(states.map(\.status))
        }
        // `returned` is the older return that needed no decision: it lives on in stored histories only.
        #expect(seenKinds == Set(WorkOrderEventKind.allCases).subtracting([.closedWithParent, .returned]))
        #expect(seenStatuses == Set(WorkOrderStatus.allCases))
    }

    @Test func childrenClosedWithTheirParentReplayToo() throws {
        let child = try F.walk(F.steps(to: .merged))
        let parentClose = try F.walk(F.steps(to: .closed), id: F.parentID).events.last!
        let followUp = try #require(WorkOrderMachine.followUps(of: parentClose, children: [child.state]).first)
        #expect(try WorkOrderState.rebuild(from: child.events + [followUp.event]) == followUp.state)
    }

    @Test func refusesHistoriesThatAreIncompleteOrMixed() throws {
        let events = try F.walk(F.steps(to: .signed)).events
        let other = try F.walk(F.steps(to: .signed), id: F.parentID).events
        #expect(throws: WorkOrderReplayError.noEvents) { try WorkOrderState.rebuild(from: []) }
        #expect(throws: WorkOrderReplayError.notStartedByCreation) { try WorkOrderState.rebuild(from: Array(events.dropFirst())) }
        #expect(throws: WorkOrderReplayError.outOfSequence(expected: 3, found: 4)) {
            try WorkOrderState.rebuild(from: [events[0], events[1], events[3]])
        }
        #expect(throws: WorkOrderReplayError.foreignEvent(sequence: 2)) { try WorkOrderState.rebuild(from: [events[0], other[1]]) }
    }

    @Test func eventsCodeActorsAsPlainRoles() throws {
        let event = try F.walk(F.steps(to: .dispatched)).events[2]
        let json = try #require(String(data: JSONEncoder().encode(event.actor), encoding: .utf8))
        #expect(json.contains(#""kind":"dispatcher""#))
        #expect(try JSONDecoder().decode(WorkOrderActor.self, from: Data(#"{"kind":"system"}"#.utf8)) == .system)
        #expect(WorkOrderActor.Kind(rawValue: "janitor") == nil)
    }
}
