import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21, the outbox of steps done without signal: exactly once under the phone's key, counted from when they were
/// done within limits, both times recorded, and conflicts named with what to do.
@Suite("Offline outbox (离线补传)")
struct OutboxTests {
    struct Body: Encodable {
        var key: String
        var orderId: String
        var doneAt: String
        var step: [String: String]
    }

    static func send(_ client: TestClient, _ body: Body) async throws -> TestingHTTPResponse {
        try await client.send(.POST, "/api/v1/outbox", headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }

    @Test func aStepSentTwiceCountsOnceFromWhenItWasDoneAndAConflictIsNamed() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            // Signed on the phone ten minutes after dispatch, sent ten minutes later, twice.
            let done = clock.now.addingTimeInterval(600)
            clock.advance(1_200)
            let sign = Body(key: "phone-1-0001", orderId: id, doneAt: Self.iso(done), step: ["action": "sign"])
            let first = try await Self.send(staff.handler, sign)
            #expect(first.status == .ok)
            let outcome = try first.json(OutboxController.Outcome.self)
            #expect(outcome.outcome == "applied" && outcome.eventSequence != nil)
            let again = try await Self.send(staff.handler, sign)
            #expect(try again.json(OutboxController.Outcome.self).eventSequence == outcome.eventSequence)
            let events = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).sort(\.$sequence).all()
                .map(WorkOrderService.decodeEvent)
            #expect(events.filter { $0.kind == .signed }.count == 1, "exactly once")
            let signed = try #require(events.last)
            #expect(abs(signed.at.timeIntervalSince(done)) < 1, "the event counts from when it was done")
            let stored = try #require(try await OfflineSubmission.query(on: app.db).filter(\.$key == "phone-1-0001").first())
            #expect(stored.receivedAt > stored.doneAt.addingTimeInterval(500), "both times are kept")

            // Limits: too old, in the future, missing fields; nothing is written.
            let before = try await count("work_order_events", app)
            let old = try await Self.send(
                staff.handler,
                Body(key: "phone-1-0002", orderId: id, doneAt: Self.iso(clock.now.addingTimeInterval(-80 * 3_600)), step: ["action": "arrive"]))
            #expect(old.status == .unprocessableEntity)
            #expect(try old.problemFields() == ["/doneAt"])
            let future = try await Self.send(
                staff.handler,
                Body(key: "phone-1-0003", orderId: id, doneAt: Self.iso(clock.now.addingTimeInterval(3_600)), step: ["action": "arrive"]))
            #expect(try future.problemFields() == ["/doneAt"])
            #expect(try await count("work_order_events", app) == before)

            // The dispatcher gives the order to another unit meanwhile: the phone's completion is a named conflict.
            let other = try #require(
                try await DepartmentLookup.choices(division: DivisionCode("361102001001")!, for: nil, on: app.db).first { $0.code != "XZ-CG" })
            #expect(
                try await staff.act(
                    staff.dispatcher, id, ["action": "redispatch", "departmentId": try other.requireID().uuidString, "reason": "职责调整"]
                ).status == .ok)
            let complete = Body(
                key: "phone-1-0004", orderId: id, doneAt: Self.iso(clock.now.addingTimeInterval(-60)), step: ["action": "complete", "note": "已修复"])
            let conflict = try await Self.send(staff.handler, complete)
            // The order left the handler's unit: the phone hears it was reassigned and what to do, and nothing is recorded.
            #expect(conflict.status == .ok)
            let reassigned = try conflict.json(OutboxController.Outcome.self)
            #expect(reassigned.outcome == "conflict" && reassigned.conflict == "reassigned")
            #expect(reassigned.message?.contains("改派") == true)
            let after = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.id).all().map(WorkOrderService.decodeEvent)
            #expect(!after.contains { $0.kind == .completed })
            // Someone who never took part hears 404 for an order out of scope.
            let deptlead = TestClient(app: app)
            try await deptlead.login("deptlead")
            let stranger = try await Self.send(
                deptlead, Body(key: "phone-9-0001", orderId: id, doneAt: Self.iso(clock.now), step: ["action": "sign"]))
            #expect(stranger.status == .notFound)
        }
    }

    @Test func aStepRefusedByTheOrdersStateIsKeptAsAConflictWithWhatToDo() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"]).status == .ok)
            clock.advance(300)
            // An arrival recorded offline before the completion reached the server arrives after it.
            let late = Body(key: "phone-2-0001", orderId: id, doneAt: Self.iso(clock.now.addingTimeInterval(-120)), step: ["action": "arrive"])
            let response = try await Self.send(staff.handler, late)
            #expect(response.status == .ok)
            let outcome = try response.json(OutboxController.Outcome.self)
            #expect(outcome.outcome == "conflict" && outcome.conflict == "changed")
            #expect(outcome.message?.contains("已有新的变化") == true)
            #expect(try await Self.send(staff.handler, late).json(OutboxController.Outcome.self).conflict == "changed")
        }
    }
}
