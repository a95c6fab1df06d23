import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21, patrols (巡查): a grid member's patrol sent from the phone exactly once with the times its positions were
/// taken, the distance over plausible positions, the reports made while it ran, the automatic end, the scope, and the
/// figures on the grid card and the track on the grid map.
@Suite("Patrols (巡查)")
struct PatrolTests {
    struct Point: Encodable {
        var at: String
        var latitude: Double
        var longitude: Double
    }

    struct Body: Encodable {
        var key: String
        var startedAt: String
        var endedAt: String?
        var points: [Point]
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// A walk north from 上滩头, one point every ten minutes, 0.001° (≈ 111 m) apart.
    static func walk(from start: Date, count: Int) -> [Point] {
        (0..<count).map { Point(at: iso(start.addingTimeInterval(Double($0) * 600)), latitude: 28.45 + Double($0) * 0.001, longitude: 117.97) }
    }

    static func send(_ client: TestClient, _ body: Body) async throws -> TestingHTTPResponse {
        try await client.send(.POST, "/api/v1/patrols", headers: ["X-CSRF-Token": try await client.csrf()], json: body)
    }

    @Test func aPatrolSentAgainAndAgainIsKeptOnceWithItsDistanceAndTheReportsMadeWhileItRan() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let start = clock.now.addingTimeInterval(-7_200)
            var points = Self.walk(from: start, count: 4)
            // Sent while it runs (two positions), and again: nothing new.
            var body = Body(key: "patrol-0001", startedAt: Self.iso(start), points: Array(points.prefix(2)))
            let first = try await Self.send(member, body).json(PatrolsController.Summary.self)
            #expect(first.running && first.added == 2 && first.points == 2)
            #expect(try await Self.send(member, body).json(PatrolsController.Summary.self).added == 0, "the same positions are not kept twice")
            // A bad fix 22 km away five minutes later is kept but not believed.
            points.append(Point(at: Self.iso(start.addingTimeInterval(900)), latitude: 28.65, longitude: 117.97))
            body.points = points
            body.endedAt = Self.iso(start.addingTimeInterval(3_600))
            let ended = try await Self.send(member, body).json(PatrolsController.Summary.self)
            #expect(ended.added == 3 && ended.points == 4 && !ended.running && !ended.automaticEnd)
            #expect(abs(ended.metres - 334) <= 1, "three legs of ≈ 111 m, got \(ended.metres)")
            #expect(ended.seconds == 3_600)
            #expect(try await count("patrol_points", app) == 5, "each position once")
            #expect(try await count("patrols", app) == 1, "the patrol once")
            // The end, once set, does not move.
            body.endedAt = Self.iso(start.addingTimeInterval(5_400))
            #expect(try await Self.send(member, body).json(PatrolsController.Summary.self).seconds == 3_600)
            // A visit made during the patrol is linked to it.
            let pack = try await member.send(.GET, "/api/v1/field/pack").json(FieldAppController.Pack.self)
            let visit = VisitsController.VisitInput(
                householdId: pack.visits[0].householdId, visitedAt: start.addingTimeInterval(1_200), note: "巡查途中入户，老人身体尚好", photoIds: [])
            let recorded = try await member.send(
                .POST, "/api/v1/visits", headers: ["X-CSRF-Token": try await member.csrf(), "Idempotency-Key": "patrol-visit-01"], json: visit)
            #expect(recorded.status == .created)
            let detail = try await member.send(.GET, "/api/v1/patrols/\(ended.id)").json(PatrolsController.Detail.self)
            #expect(detail.reports.map(\.kind) == ["visit"] && detail.patrol.reports == 1)
            #expect(
                detail.track.count == 4 && detail.track.map { ($0.latitude * 1_000).rounded() } == [28_450, 28_451, 28_452, 28_453],
                "the track leaves the bad fix out")
            let month = PatrolQueries.month(of: clock.now)
            let list = try await member.send(.GET, "/api/v1/patrols?month=\(month)").json([PatrolsController.Summary].self)
            #expect(list.map(\.id) == [ended.id] && list[0].reports == 1)
            let wrong = try await member.send(.GET, "/api/v1/patrols?month=2026-13")
            #expect(wrong.status == .unprocessableEntity)
            #expect(try wrong.problemFields() == ["/month"])
        }
    }

    @Test func aPatrolEndsByItselfAfter12HoursAndWhenTheNextOneStarts() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let long = clock.now.addingTimeInterval(-13 * 3_600)
            let forgotten = try await Self.send(
                member, Body(key: "patrol-long-01", startedAt: Self.iso(long), points: Self.walk(from: long, count: 2))
            )
            .json(PatrolsController.Summary.self)
            #expect(!forgotten.running && forgotten.automaticEnd && forgotten.seconds == 12 * 3_600)
            // One left running; the next one's start ends it at its last position.
            let earlier = clock.now.addingTimeInterval(-3 * 3_600)
            let open = try await Self.send(
                member, Body(key: "patrol-open-01", startedAt: Self.iso(earlier), points: Self.walk(from: earlier, count: 3))
            )
            .json(PatrolsController.Summary.self)
            #expect(open.running)
            _ = try await Self.send(member, Body(key: "patrol-next-01", startedAt: Self.iso(clock.now.addingTimeInterval(-600)), points: []))
            let closed = try await member.send(.GET, "/api/v1/patrols/\(open.id)").json(PatrolsController.Detail.self)
            #expect(!closed.patrol.running && closed.patrol.seconds == 1_200, "ended at its last position, 20 minutes in")
        }
    }

    @Test func whatThePhoneSendsIsCheckedFieldByFieldAndNothingIsWritten() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let csrf = try await member.csrf()
            let empty = try await member.send(.POST, "/api/v1/patrols", headers: ["X-CSRF-Token": csrf], json: ["key": "short"])
            #expect(empty.status == .unprocessableEntity)
            #expect(Set(try empty.problemFields()) == ["/key", "/startedAt"])
            let future = try await Self.send(member, Body(key: "patrol-future", startedAt: Self.iso(clock.now.addingTimeInterval(3_600)), points: []))
            #expect(future.status == .unprocessableEntity)
            #expect(try future.problemFields() == ["/startedAt"])
            var bad = Self.walk(from: clock.now.addingTimeInterval(-600), count: 1)
            bad[0].latitude = 200
            let wrong = try await Self.send(member, Body(key: "patrol-badfix", startedAt: Self.iso(clock.now.addingTimeInterval(-600)), points: bad))
            #expect(wrong.status == .unprocessableEntity)
            #expect(try wrong.problemFields() == ["/points"])
            #expect(try await count("patrols", app) == 0)
            #expect(try await count("patrol_points", app) == 0)
            // Only grid members patrol.
            let staff = try await Staff.signIn(app)
            let handler = try await Self.send(staff.handler, Body(key: "patrol-handler", startedAt: Self.iso(clock.now), points: []))
            #expect(handler.status == .forbidden)
        }
    }

    @Test func aGridMemberSeesOwnPatrolsTheCommunityItsDivisionsAndOthersHear404() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let member = TestClient(app: app)
            try await member.login("gridmember")
            let start = clock.now.addingTimeInterval(-3_600)
            let patrol = try await Self.send(
                member,
                Body(
                    key: "patrol-scope-1", startedAt: Self.iso(start), endedAt: Self.iso(start.addingTimeInterval(1_800)),
                    points: Self.walk(from: start, count: 3))
            ).json(PatrolsController.Summary.self)
            _ = try await makeAccount("gm-two", app, role: "gridMember", password: DemoSeeder.password, division: "361102001001")
            _ = try await makeAccount("cs-elsewhere", app, role: "communityStaff", password: DemoSeeder.password, division: "361102001003")
            let colleague = TestClient(app: app)
            try await colleague.login("gm-two")
            #expect(try await colleague.send(.GET, "/api/v1/patrols/\(patrol.id)").status == .notFound)
            #expect(try await colleague.send(.GET, "/api/v1/patrols").json([PatrolsController.Summary].self).isEmpty)
            let elsewhere = TestClient(app: app)
            try await elsewhere.login("cs-elsewhere")
            #expect(try await elsewhere.send(.GET, "/api/v1/patrols/\(patrol.id)").status == .notFound)
            #expect(try await elsewhere.send(.GET, "/api/v1/patrols").json([PatrolsController.Summary].self).isEmpty)
            let community = TestClient(app: app)
            try await community.login("community")
            let seen = try await community.send(.GET, "/api/v1/patrols/\(patrol.id)").json(PatrolsController.Detail.self)
            #expect(seen.patrol.key == nil && seen.track.count == 3, "the community sees the track, not the phone's key")
            #expect(try await community.send(.GET, "/api/v1/patrols/\(UUID())").status == .notFound)
            // The grid card counts the month's hours, kilometres and reports; the map draws the track.
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "gridmember").first())
            let userID = try user.requireID()
            let grid = try #require(try await GridStaffAssignment.query(on: app.db).filter(\.$userID == userID).first())
            let card = try await community.send(.GET, "/grid-map/\(grid.gridCode)/card").body.string
            #expect(card.contains("data-hours=\"0.5\"") && card.contains("data-km=\"0.2\""), "half an hour, 222 m")
            let map = try await community.send(.GET, "/grid-map").body.string
            #expect(map.contains("data-patrol=\"\(patrol.id)\""), "the track is drawn on the grid map")
            // Reading someone else's track is a read of personal data: the detail and the map are both audited.
            let reads = try await AuditEntry.query(on: app.db).filter(\.$action == "personal-data.view").all().compactMap(\.detail)
            #expect(reads.contains("patrol track") && reads.contains("patrol tracks on the grid map"), "\(reads)")
            let handlerMap = try await (try await Staff.signIn(app)).handler.send(.GET, "/grid-map").body.string
            #expect(!handlerMap.contains("data-patrol="), "a handler does not see patrols")
        }
    }
}
