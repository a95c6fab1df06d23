import Foundation
@testable import LianxinCore

/// Ten orders of early April 2025, around the Qingming holiday (Friday 4 to Sunday 6 April), under the test policy:
/// sign within 30 minutes, complete in 3 working days, answer within 3 working days. Unit A works community A,
/// unit B community B. The figures the tests expect are worked out by hand in the comments.
///
/// | order | unit | story |
/// |---|---|---|
/// | o1 | A | signed in 8 min; completed Tue 8 Apr 15:00, on time only because of the holiday; satisfied, solved; closed |
/// | o2 | A | signed in 48 min (late); 2 working days' extension; completed Thu 10 Apr, on time with it; basically satisfied |
/// | o3 | A | completed in a day; dissatisfied and reopened; signed again in 10 min, completed again; satisfied; closed |
/// | o4 | A | signed, in progress, shelved (挂账) on 3 Apr |
/// | o5 | – | cancelled (作废) before dispatch |
/// | o6 | – | merged under o1, closed with it |
/// | o7 | B | signed in 18 min; waited on the requester all of 3 Apr; never completed |
/// | o8 | B | dispatched, never signed |
/// | o9 | B | signed in 38 min (late); completed; dissatisfied; reopened, signed again in 20 min; not completed again |
/// | o10 | A | a proactive task (未诉先办) created 3 Apr; signed in 5 min; completed late on 10 Apr; closed unevaluated |
enum QingmingFixture {
    typealias F = MetricsFixture

    static let ids = (1...10).map { F.uuid(UInt8($0)) }

    /// The ten facts, o1 first.
    static let facts: [OrderFact] = {
        do {
            return try scripts().map(\.fact)
        } catch {
            preconditionFailure("The fixture does not run: \(error)")
        }
    }()

    /// The facts of the orders of one unit.
    static func facts(of unit: UUID) -> [OrderFact] {
        facts.filter { $0.departmentID == unit }
    }

    static func scripts() throws -> [OrderScript] {
        var o1 = try OrderScript(ids[0], createdAt: "2025-04-02 09:00")
        try o1.receive(at: "2025-04-02 09:01", dispatchingTo: F.unitA, at: "2025-04-02 09:02")
        try o1(.sign, at: "2025-04-02 09:10")
        try o1(.startProgress, at: "2025-04-02 09:20")
        try o1(.complete(note: "已修复", photoIDs: []), at: "2025-04-08 15:00")
        try o1.revisit(.satisfied, solved: true, at: "2025-04-09 10:00")

        var o6 = try OrderScript(ids[5], createdAt: "2025-04-02 09:30")
        try o6(.accept(note: nil), by: F.operatorStaff, at: "2025-04-02 09:31")
        try o6(.merge(parentID: ids[0]), by: F.operatorStaff, at: "2025-04-02 09:32")

        try o1(.close(note: nil), by: F.operatorStaff, at: "2025-04-09 10:05")
        for followUp in WorkOrderMachine.followUps(of: o1.events[o1.events.count - 1], children: [o6.state]) {
            o6.record(followUp)
        }

        var o2 = try OrderScript(ids[1], createdAt: "2025-04-02 09:00")
        try o2.receive(at: "2025-04-02 09:01", dispatchingTo: F.unitA, at: "2025-04-02 09:02")
        try o2(.sign, at: "2025-04-02 09:50")
        try o2(.startProgress, at: "2025-04-02 10:00")
        try o2(.requestExtension(extra: .workingDays(2), reason: "需协调物业"), at: "2025-04-07 09:00")
        try o2(.approveExtension(note: nil), by: F.supervisor, at: "2025-04-07 10:00")
        try o2(.complete(note: "已协调", photoIDs: []), at: "2025-04-10 16:00")
        try o2.revisit(.basicallySatisfied, solved: true, at: "2025-04-11 09:00")
        try o2(.close(note: nil), by: F.operatorStaff, at: "2025-04-11 09:05")

        var o3 = try OrderScript(
            ids[2], createdAt: "2025-04-02 10:00", dimensions: F.dimensions(category: "0102", channel: .web, kind: .assistance))
        try o3.receive(at: "2025-04-02 10:01", dispatchingTo: F.unitA, at: "2025-04-02 10:02")
        try o3(.sign, at: "2025-04-02 10:10")
        try o3(.startProgress, at: "2025-04-02 10:20")
        try o3(.complete(note: "已处理", photoIDs: []), at: "2025-04-03 10:02")
        try o3.revisit(.dissatisfied, solved: false, at: "2025-04-03 15:00")
        try o3(.sign, at: "2025-04-03 15:10")
        try o3(.startProgress, at: "2025-04-03 15:20")
        try o3(.complete(note: "已重新处理", photoIDs: []), at: "2025-04-07 11:00")
        try o3.revisit(.satisfied, solved: true, at: "2025-04-08 09:00")
        try o3(.close(note: nil), by: F.operatorStaff, at: "2025-04-08 09:05")

        var o4 = try OrderScript(ids[3], createdAt: "2025-04-02 11:00", dimensions: F.dimensions(category: "0102", kind: .suggestion))
        try o4.receive(at: "2025-04-02 11:01", dispatchingTo: F.unitA, at: "2025-04-02 11:02")
        try o4(.sign, at: "2025-04-02 11:05")
        try o4(.startProgress, at: "2025-04-02 11:30")
        try o4(.shelve(reason: "需纳入明年预算"), by: F.supervisor, at: "2025-04-03 09:00")

        var o5 = try OrderScript(ids[4], createdAt: "2025-04-02 12:00")
        try o5(.accept(note: nil), by: F.operatorStaff, at: "2025-04-02 12:01")
        try o5(.cancel(reason: "重复录入"), by: F.operatorStaff, at: "2025-04-02 12:05")

        let gridPatrol = F.dimensions(F.communityB, category: "0201", channel: .gridPatrol, kind: .report)
        var o7 = try OrderScript(ids[6], createdAt: "2025-04-02 14:00", dimensions: gridPatrol)
        try o7.receive(at: "2025-04-02 14:01", dispatchingTo: F.unitB, at: "2025-04-02 14:02")
        try o7(.sign, at: "2025-04-02 14:20")
        try o7(.startProgress, at: "2025-04-02 14:30")
        try o7(.pauseForRequester(reason: "等待业主提供材料"), at: "2025-04-03 09:00")
        try o7(.resume, at: "2025-04-03 17:00")

        var o8 = try OrderScript(ids[7], createdAt: "2025-04-02 15:00", dimensions: F.dimensions(F.communityB, category: "0201"))
        try o8.receive(at: "2025-04-02 15:01", dispatchingTo: F.unitB, at: "2025-04-02 15:02")

        var o9 = try OrderScript(ids[8], createdAt: "2025-04-02 16:00", dimensions: F.dimensions(F.communityB, category: "0201"))
        try o9.receive(at: "2025-04-02 16:01", dispatchingTo: F.unitB, at: "2025-04-02 16:02")
        try o9(.sign, at: "2025-04-02 16:40")
        try o9(.startProgress, at: "2025-04-02 16:45")
        try o9(.complete(note: "已处理", photoIDs: []), at: "2025-04-03 16:02")
        try o9.revisit(.dissatisfied, solved: false, at: "2025-04-07 10:00")
        try o9(.sign, at: "2025-04-07 10:20")

        var o10 = try OrderScript(
            ids[9], createdAt: "2025-04-03 09:00", dimensions: F.dimensions(channel: .proactive, kind: .suggestion))
        try o10.receive(at: "2025-04-03 09:01", dispatchingTo: F.unitA, at: "2025-04-03 09:02")
        try o10(.sign, at: "2025-04-03 09:07")
        try o10(.startProgress, at: "2025-04-03 09:30")
        try o10(.complete(note: "已清理", photoIDs: []), at: "2025-04-10 10:00")
        try o10(.close(note: "未诉先办，无需回访"), by: F.operatorStaff, at: "2025-04-10 10:30")

        return [o1, o2, o3, o4, o5, o6, o7, o8, o9, o10]
    }
}
