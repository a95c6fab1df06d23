import Foundation
@testable import LianxinCore

/// Many orders living at once through the real state machine, each step one random action on one random order,
/// with the rollup table kept up event by event as the server keeps it (in the event's transaction).
struct RandomHistory {
    typealias F = MetricsFixture

    struct Order {
        var state: WorkOrderState
        var events: [WorkOrderEvent]
        var clocks = WorkOrderClocks()
        var fact: OrderFact
        var dimensions: OrderDimensions
        let policy: SLAPolicy
        /// The time of the order's latest event; each order keeps its own pace.
        var time: Date
    }

    static let units = [F.unitA, F.unitB, F.uuid(0xC1)]
    static let places = [F.communityA, F.communityB, OrderDivisions(city: "3611", county: "361123")]
    static let categories = ["0101", "0102", "0201"]
    static let policies = SLAPolicy.builtIn + [F.policy]

    private(set) var orders: [UUID: Order] = [:]
    /// Order ids in creation order.
    private(set) var ids: [UUID] = []
    private(set) var table = RollupTable()
    /// Orders not final yet, and the duplicates merged under each parent.
    private var live: [UUID] = []
    private var mergedUnder: [UUID: [UUID]] = [:]
    private(set) var eventCount = 0
    private var random: TestRandom
    /// When the next order is created; orders arrive over the 2025 National Day holiday and after.
    private var creationTime = F.at("2025-09-25 08:00")

    /// Runs `steps` steps from `seed`.
    init(seed: UInt64, steps: Int) throws {
        random = TestRandom(seed: seed)
        for _ in 0..<steps {
            if live.isEmpty || random.chance(0.08) {
                try create()
            } else if random.chance(0.03) {
                reclassify(random.pick(live))
            } else {
                advance(random.pick(live))
            }
        }
    }

    /// The facts of every order as they stand.
    var facts: [OrderFact] { ids.compactMap { orders[$0]?.fact } }

    private mutating func create() throws {
        creationTime = creationTime.addingTimeInterval(Double(Int.random(in: 60...14_400, using: &random)))
        let time = creationTime
        let intake = WorkOrderIntake(
            orderID: random.uuid(), tier: random.pick(Tier.allCases), priority: random.pick(Priority.allCases))
        let transition = try WorkOrderMachine.create(intake, by: .resident(), at: time)
        let dimensions = randomDimensions()
        let policy = random.pick(Self.policies)
        var clocks = WorkOrderClocks()
        clocks.apply(transition.event, policy: policy)
        let fact = try OrderFact(created: transition.event, dimensions: dimensions, clocks: clocks, in: .china)
        orders[intake.orderID] = Order(
            state: transition.state, events: [transition.event], clocks: clocks, fact: fact, dimensions: dimensions,
            policy: policy, time: time)
        ids.append(intake.orderID)
        live.append(intake.orderID)
        eventCount += 1
        table.apply(RollupCounters.delta(from: nil, to: fact))
    }

    /// An operator corrects the category, place or channel: the order moves to another row.
    private mutating func reclassify(_ id: UUID) {
        guard var record = orders[id] else { return }
        let old = record.fact
        record.dimensions = randomDimensions()
        record.fact.dimensions = record.dimensions
        orders[id] = record
        table.apply(RollupCounters.delta(from: old, to: record.fact))
    }

    private mutating func advance(_ id: UUID) {
        guard let current = orders[id] else { return }
        let time = current.time.addingTimeInterval(randomGap())
        var attempts = candidates(for: current.state, at: time)
        attempts.shuffle(using: &random)
        if random.chance(0.7) { attempts.insert(contentsOf: happyPath(for: current.state), at: 0) }
        for (action, actor) in attempts {
            guard let transition = try? WorkOrderMachine.apply(action, to: current.state, by: actor, at: time) else { continue }
            apply(transition)
            let children = (mergedUnder[id] ?? []).compactMap { orders[$0]?.state }
            for followUp in WorkOrderMachine.followUps(of: transition.event, children: children) { apply(followUp) }
            return
        }
    }

    private mutating func apply(_ transition: Transition) {
        guard var record = orders[transition.event.orderID] else { return }
        let old = record.fact
        record.state = transition.state
        record.events.append(transition.event)
        record.clocks.apply(transition.event, policy: record.policy)
        record.fact = old.applying(transition.event, clocks: record.clocks, in: .china)
        record.time = transition.event.at
        if transition.state.status.isFinal { live.removeAll { $0 == transition.event.orderID } }
        if transition.event.kind == .merged, let parent = transition.event.payload.parentID {
            mergedUnder[parent, default: []].append(transition.event.orderID)
        }
        orders[transition.event.orderID] = record
        eventCount += 1
        table.apply(RollupCounters.delta(from: old, to: record.fact))
    }

    /// Mostly minutes, sometimes hours, now and then days, so some deadlines are met and some missed.
    private mutating func randomGap() -> TimeInterval {
        let range = random.pick([30...1_800, 30...1_800, 30...1_800, 1_800...28_800, 1_800...28_800, 86_400...432_000])
        return Double(Int.random(in: range, using: &random))
    }

    private mutating func randomDimensions() -> OrderDimensions {
        OrderDimensions(
            divisions: random.pick(Self.places), categoryCode: random.pick(Self.categories),
            channel: random.pick(Channel.allCases), requestKind: random.pick(RequestKind.allCases))
    }

    /// The usual next step from `state`, tried first most of the time so that most orders run their course.
    private mutating func happyPath(for state: WorkOrderState) -> [(WorkOrderAction, WorkOrderActor)] {
        let handler = F.handler(of: state.departmentID)
        switch state.status {
        case .submitted: return [(.accept(note: nil), F.operatorStaff)]
        case .received, .returned:
            return [
                (.dispatch(departmentID: random.pick(Self.units), note: nil), F.dispatcher),
                (.redispatch(departmentID: random.pick(Self.units), reason: "改派"), F.dispatcher),
            ]
        case .dispatched, .reopened: return [(.sign, handler)]
        case .signed, .arrived: return [(.startProgress, handler)]
        case .inProgress: return [(.resume, handler), (.complete(note: "已办结", photoIDs: []), handler)]
        case .completed, .reviewed:
            let evaluation = Evaluation(satisfaction: random.pick(Satisfaction.allCases), solved: random.chance(0.8))
            return [(.revisit(evaluation), F.operatorStaff)]
        case .verifying:
            let site = GeoPoint(lon: 117.94, lat: 28.45)
            return [(.verify(passed: random.chance(0.7), location: site, photoIDs: [UUID()], note: "核查意见"), F.supervisor)]
        case .evaluated: return [(.close(note: nil), F.operatorStaff)]
        case .shelved: return [(.unshelve(note: nil), F.supervisor)]
        case .closed, .cancelled, .merged: return []
        }
    }

    /// Actions worth trying on `state` at `time`, each with someone who may take it; cancelling and merging are
    /// rare, and a duplicate is merged only under a parent whose own history has reached `time`, so closing with the
    /// parent comes after the merge.
    private mutating func candidates(for state: WorkOrderState, at time: Date) -> [(WorkOrderAction, WorkOrderActor)] {
        let handler = F.handler(of: state.departmentID)
        let otherUnit = random.pick(Self.units.filter { $0 != state.departmentID })
        let evaluation = Evaluation(satisfaction: random.pick(Satisfaction.allCases), solved: random.chance(0.7))
        let extra = random.pick([TimeLimit.workingDays(2), .minutes(90), .workingHours(4), .endOfDay(1)])
        var actions: [(WorkOrderAction, WorkOrderActor)] = [
            (.accept(note: nil), F.operatorStaff), (.dispatch(departmentID: random.pick(Self.units), note: nil), F.dispatcher),
            (.redispatch(departmentID: otherUnit, reason: "改派"), F.dispatcher), (.sign, handler),
            (.returnOrder(reason: "非本单位职责"), handler), (.arrive(location: nil), handler), (.startProgress, handler),
            (.addProgressNote(note: "进展", photoIDs: []), handler), (.requestExtension(extra: extra, reason: "协调中"), handler),
            (.approveExtension(note: nil), F.supervisor), (.refuseExtension(reason: "不同意"), F.supervisor),
            (.complete(note: "已办结", photoIDs: []), handler), (.complete(note: "已办结", photoIDs: []), handler),
            (.review(approved: random.chance(0.7), note: "审核意见"), F.dispatcher), (.revisit(evaluation), F.operatorStaff),
            (.revisit(evaluation), F.operatorStaff), (.reopen(reason: "重办"), F.operatorStaff),
            (.close(note: random.chance(0.5) ? "无法回访" : nil), F.operatorStaff), (.shelve(reason: "挂账"), F.supervisor),
            (.unshelve(note: nil), F.supervisor), (.pauseForRequester(reason: "等待"), handler), (.resume, handler),
            (.remind(note: "催办"), F.supervisor), (.escalate(reason: "提级"), F.dispatcher),
            (.addInformation(note: "补充信息", photoIDs: []), .resident()),
        ]
        if random.chance(0.1) {
            actions.append((.cancel(reason: "作废"), F.operatorStaff))
            let parents = live.filter { id in
                guard id != state.id, let parent = orders[id] else { return false }
                return parent.state.acceptsMergedChildren && parent.time >= time
            }
            if !parents.isEmpty { actions.append((.merge(parentID: random.pick(parents)), F.operatorStaff)) }
        }
        return actions
    }
}

extension RandomHistory {
    /// Three histories of 2,500 steps (seeds 1–3), made once and shared by the tests that read them.
    static let samples: [RandomHistory] = (UInt64(1)...3).map { seed in
        do {
            return try RandomHistory(seed: seed, steps: 2_500)
        } catch {
            preconditionFailure("Random history \(seed) does not run: \(error)")
        }
    }
}
