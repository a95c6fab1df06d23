import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

@Suite("SLA clocks, warnings and breaches")
struct SLASchedulerTests {
    /// Tuesday 2026-11-24 10:00 in Shanghai, a working day.
    static let tuesdayMorning = Date(timeIntervalSince1970: 1_795_485_600)

    @Test func the12530DispatchClockWarnsAndBreachesExactlyOnce() async throws {
        let clock = TestClock(Self.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"  // 暴露垃圾: the 12530 rule
            let order = try await staff.create(body).json(WorkOrderDTO.self)
            let dispatch = try #require(order.clocks.first { $0.stage == "dispatch" })
            #expect(dispatch.dueAt == Self.tuesdayMorning.addingTimeInterval(120), "2 minutes to dispatch")
            #expect(try await SLASweep.sweep(app, instance: "a") == 0)
            clock.advance(100)
            #expect(try await SLASweep.sweep(app, instance: "a") == 1, "the warning fires")
            clock.advance(30)
            #expect(try await SLASweep.sweep(app, instance: "a") == 1, "the breach fires")
            #expect(try await SLASweep.sweep(app, instance: "a") == 0, "nothing fires twice")
            let row = try #require(try await WorkOrder.find(order.id, on: app.db))
            #expect(row.overdue)
            let inbox = try await staff.dispatcher.send(.GET, "/api/v1/inbox").json([WorkOrdersController.InboxItem].self)
            #expect(inbox.contains { $0.kind == "sla.breach" && $0.orderId == order.id })
            let overdue = try await staff.dispatcher.send(.GET, "/api/v1/work-orders?overdue=true").json(ListPage<WorkOrderDTO>.self)
            #expect(overdue.items.map(\.id) == [order.id])
        }
    }

    @Test func dispatchingInTimeStopsTheClockAndCancelsItsAlerts() async throws {
        let clock = TestClock(Self.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"
            let id = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
            clock.advance(60)
            let dispatched = try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            let order = try dispatched.json(WorkOrderDTO.self)
            #expect(order.clocks.first { $0.stage == "dispatch" }?.status == "met")
            let sign = try #require(order.clocks.first { $0.stage == "sign" && $0.running })
            #expect(sign.dueAt == Self.tuesdayMorning.addingTimeInterval(60 + 300), "5 minutes to sign, from dispatch")
            clock.advance(100)
            #expect(try await SLASweep.sweep(app, instance: "a") == 0, "the dispatch alerts are gone")
        }
    }

    @Test func aWorkingDayLimitSkipsTheNationalDayHoliday() async throws {
        // Monday 2026-09-28 10:00: 3 working days, not counting the first day, skipping 10-01…10-07 → end of 10-09 (Fri).
        let start = Date(timeIntervalSince1970: 1_790_560_800)
        let clock = TestClock(start)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0601"  // 路灯损坏: Longnan's 3-working-day ladder
            let id = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
            let order = try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
                .json(WorkOrderDTO.self)
            let complete = try #require(order.clocks.first { $0.stage == "complete" })
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            // 09-29 Tue, 09-30 Wed are working days; 10-01…10-07 off; 10-08 Thu → the third working day.
            #expect(formatter.string(from: complete.dueAt) == "2026-10-09T00:00:00+08:00")
        }
    }

    /// #25: a request received on a rest day counts as received on the next working day, and the working days
    /// count from the day after it (the default); `LIANXIN_REST_DAY_RECEIPT=as-received` keeps the older reading.
    @Test(arguments: [("", "2026-12-11T00:00:00+08:00", true), ("as-received", "2026-12-10T00:00:00+08:00", false)])
    func aRestDayReceiptCountsFromTheNextWorkingDay(rule: String, due: String, noted: Bool) async throws {
        // Sunday 2026-12-06 15:00 in Shanghai.
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_540_400))
        let settings = rule.isEmpty ? [:] : ["LIANXIN_REST_DAY_RECEIPT": rule]
        try await withLianxin(clock: clock, demo: true, settings: settings) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0601"  // 路灯损坏: 3 working days to complete, from dispatch
            let id = try await staff.create(body).json(WorkOrderDTO.self).id.uuidString
            let order = try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
                .json(WorkOrderDTO.self)
            let complete = try #require(order.clocks.first { $0.stage == "complete" })
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            #expect(formatter.string(from: complete.dueAt) == due)
            let page = try await staff.dispatcher.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("非工作日受理，自12月7日起算") == noted)
        }
    }

    @Test func twoInstancesOnOneDatabaseFireEachAlertOnce() async throws {
        let clock = TestClock(Self.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"
            for _ in 0..<30 { _ = try await staff.create(body) }
            clock.advance(3600)
            let pending = try await SLAAlert.query(on: app.db).filter(\.$firedAt == nil).filter(\.$dueAt <= clock.now).count()
            #expect(pending == 60)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for instance in ["a", "b"] {
                    group.addTask {
                        var total = 0
                        while true {
                            let fired = try await SLASweep.sweep(app, instance: instance, batch: 7)
                            if fired == 0 { break }
                            total += fired
                        }
                        return total
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.reduce(0, +) == 60, "every alert fired exactly once across both sweepers")
            #expect(try await SLAAlert.query(on: app.db).filter(\.$firedAt == nil).filter(\.$dueAt <= clock.now).count() == 0)
        }
    }
}

@Suite("Residents follow and evaluate their requests by tracking code")
struct PublicTrackingTests {
    @Test func aResidentSeesAMaskedViewEvaluatesAndCanAskToReopen() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            let id = order.id.uuidString
            let resident = TestClient(app: app)
            let view = try await resident.send(.GET, "/api/v1/public/orders/\(order.trackingCode.lowercased())")
            #expect(view.status == .ok)
            #expect(view.body.string.contains("138****0001"))
            #expect(!view.body.string.contains("13807930001"))
            #expect(try view.field("canEvaluate") as? Bool == false)
            let early = try await resident.send(
                .POST, "/api/v1/public/orders/\(order.trackingCode)/evaluation",
                raw: (Array(#"{"satisfaction":"satisfied","solved":true,"phoneSuffix":"0001"}"#.utf8), .json))
            #expect(early.status == .conflict)
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            for action in ["sign", "startProgress"] { try await staff.act(staff.handler, id, ["action": action]) }
            try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"])
            let stranger = try await resident.send(
                .POST, "/api/v1/public/orders/\(order.trackingCode)/evaluation",
                raw: (Array(#"{"satisfaction":"dissatisfied","solved":false,"phoneSuffix":"1234"}"#.utf8), .json))
            #expect(stranger.status == .unprocessableEntity, "the code alone does not evaluate")
            #expect(try stranger.problemFields() == ["/phoneSuffix"])
            let evaluated = try await resident.send(
                .POST, "/api/v1/public/orders/\(order.trackingCode)/evaluation",
                raw: (Array(#"{"satisfaction":"basicallySatisfied","solved":true,"phoneSuffix":"0001"}"#.utf8), .json))
            #expect(evaluated.status == .ok)
            #expect(try evaluated.field("status") as? String == "evaluated")
            let reopened = try await resident.send(
                .POST, "/api/v1/public/orders/\(order.trackingCode)/reopen", json: ["reason": "晚上又不亮了", "phoneSuffix": "0001"])
            #expect(try reopened.field("status") as? String == "reopened")
            #expect(try await resident.send(.GET, "/api/v1/public/orders/ABCDEFGHJK").status == .notFound)
            #expect(order.trackingCode.count == 13)
        }
    }
}
