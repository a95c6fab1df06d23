import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21, the installable field app: its page, manifest and service worker; the data pack a phone keeps (the
/// person's own visits and orders only); visits sent from the phone's outbox recorded exactly once, at the time done.
@Suite("Field app (外勤离线)")
struct FieldAppTests {
    @Test func aVisitSentTwiceFromThePhoneIsRecordedOnceAtTheTimeItWasDone() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let pack = try await member.send(.GET, "/api/v1/field/pack").json(FieldAppController.Pack.self)
            #expect(pack.canVisit && !pack.visits.isEmpty && pack.orders.isEmpty, "a grid member without a unit: visits, no orders")
            let household = pack.visits[0].householdId
            let csrf = try await member.csrf()
            let png = [UInt8](try QRCode(encoding: "离线走访").png(scale: 2))
            let photo = try await member.send(
                .POST, "/api/v1/visits/photos?household=\(household)", headers: ["X-CSRF-Token": csrf], raw: (png, .png)
            ).json(VisitsController.PhotoDTO.self)
            // Done on the phone two hours ago, sent now, and again (the answer was lost).
            let done = clock.now.addingTimeInterval(-7_200)
            let body = VisitsController.VisitInput(householdId: household, visitedAt: done, note: "入户走访，老人身体尚好", photoIds: [photo.id])
            let headers: HTTPHeaders = ["X-CSRF-Token": csrf, "Idempotency-Key": "field-visit-0001"]
            let first = try await member.send(.POST, "/api/v1/visits", headers: headers, json: body)
            #expect(first.status == .created)
            let again = try await member.send(.POST, "/api/v1/visits", headers: headers, json: body)
            #expect(again.status == .ok)
            let visit = try first.json(VisitsController.VisitDTO.self)
            #expect(try again.json(VisitsController.VisitDTO.self).id == visit.id)
            #expect(try again.json(VisitsController.VisitDTO.self).photoIds == [photo.id])
            #expect(try await count("visits", app) == 1, "exactly once")
            #expect(abs(visit.visitedAt.timeIntervalSince(done)) < 1, "counted from when it was done")
            let sent = try #require(try await OfflineVisit.query(on: app.db).first())
            #expect(sent.visitID == visit.id && sent.receivedAt.timeIntervalSince(sent.doneAt) > 7_000, "both times are kept")
            // The household is no longer due.
            let after = try await member.send(.GET, "/api/v1/field/pack").json(FieldAppController.Pack.self)
            #expect(!after.visits.contains { $0.householdId == household })
            // A key longer than the phone ever makes is refused, naming the header.
            let other = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": csrf, "Idempotency-Key": String(repeating: "x", count: 300)], json: body)
            #expect(other.status == .unprocessableEntity)
        }
    }

    @Test func theHandlersPackHoldsTheirUnitsOrdersWithTheStepsThePhoneOffersAndNothingElse() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let mine = try await WorklistTests.dispatched(staff)
            let theirs = try await WorklistTests.dispatched(staff)
            let other = try #require(
                try await DepartmentLookup.choices(division: DivisionCode("361102001001")!, for: nil, on: app.db).first { $0.code != "XZ-CG" })
            #expect(
                try await staff.act(
                    staff.dispatcher, theirs.id.uuidString,
                    ["action": "redispatch", "departmentId": try other.requireID().uuidString, "reason": "职责调整"]
                ).status == .ok)
            let pack = try await staff.handler.send(.GET, "/api/v1/field/pack").json(FieldAppController.Pack.self)
            #expect(!pack.canVisit && pack.visits.isEmpty)
            #expect(pack.orders.map(\.id) == [mine.id], "only the orders of the handler's unit")
            #expect(pack.orders.first?.actions == ["sign"])
            #expect(try await staff.act(staff.handler, mine.id.uuidString, ["action": "sign"]).status == .ok)
            let signed = try await staff.handler.send(.GET, "/api/v1/field/pack").json(FieldAppController.Pack.self)
            #expect(signed.orders.first?.actions == ["arrive", "addProgressNote", "complete"])
            // Signed out: no pack.
            #expect(try await TestClient(app: app).send(.GET, "/api/v1/field/pack").status == .unauthorized)
        }
    }

    @Test func theOutboxSpeaksFromTheLocaleFilesInTheCallersLanguageAndNamesEveryMissingField() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await WorklistTests.dispatched(staff)
            let id = order.id.uuidString
            #expect(try await staff.act(staff.handler, id, ["action": "sign"]).status == .ok)
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已修复"]).status == .ok)
            staff.handler.cookies[Request.languageCookie] = "en"
            let late = OutboxTests.Body(key: "phone-en-0001", orderId: id, doneAt: OutboxTests.iso(clock.now), step: ["action": "arrive"])
            let outcome = try await OutboxTests.send(staff.handler, late).json(OutboxController.Outcome.self)
            #expect(outcome.message == app.lianxin.localizer.text("offline_conflict_changed", .en))
            #expect(outcome.message?.contains("changed meanwhile") == true)
            let empty = try await staff.handler.send(
                .POST, "/api/v1/outbox", headers: ["X-CSRF-Token": try await staff.handler.csrf()], json: ["key": "short"])
            #expect(empty.status == .unprocessableEntity)
            #expect(Set(try empty.problemFields()) == ["/key", "/orderId", "/doneAt", "/step"])
        }
    }

    @Test func theAppPageManifestAndServiceWorkerAreServedFromTheAppsScope() async throws {
        try await withLianxin(demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let page = try await member.send(.GET, "/field/app")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("/field/manifest.webmanifest") && html.contains("/js/field.js") && html.contains("id=\"f-visit-list\""))
            #expect(!html.contains("id=\"f-order-list\""), "a grid member without a unit has no order list")
            let manifest = try await member.send(.GET, "/field/manifest.webmanifest")
            #expect(manifest.headers.contentType?.description.contains("manifest+json") == true)
            let fields = try JSONSerialization.jsonObject(with: Data(manifest.body.readableBytesView)) as? [String: Any]
            #expect(fields?["name"] as? String == "连心外勤" && fields?["start_url"] as? String == "/field/app")
            #expect(fields?["display"] as? String == "standalone" && fields?["scope"] as? String == "/field/")
            let worker = try await member.send(.GET, "/field/sw.js")
            #expect(worker.status == .ok && worker.body.string.contains("PRECACHE"))
            #expect(worker.headers.contentType?.description.contains("javascript") == true)
            #expect(try await TestClient(app: app).send(.GET, "/field/app").status != .ok, "signed out: no app page")
        }
    }
}
