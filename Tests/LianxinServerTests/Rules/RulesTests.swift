import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("Rules as data: routing, SLA policies, the holiday calendar")
struct RulesTests {
    @Test func aRoutingRuleSendsACategoryInADivisionToAnotherDepartment() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let token = try await client.csrf()
            let bad = try await client.send(
                .POST, "/api/v1/routing-rules", headers: ["X-CSRF-Token": token],
                json: ["categoryCode": "0601", "divisionCode": "361102", "departmentCode": "NOPE"])
            #expect(try (bad.field("errors") as? [[String: String]])?.map { $0["field"] } == ["/departmentCode"])
            let rule = try await client.send(
                .POST, "/api/v1/routing-rules", headers: ["X-CSRF-Token": token],
                json: ["categoryCode": "06", "divisionCode": "361102", "departmentCode": "XZ-CG"])
            #expect(rule.status == .ok)
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)  // 0601 in 361102001001
            #expect(order.suggestedDepartmentId?.uuidString == (try await staff.departmentID("XZ-CG")))
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "routing:06@361102" })
            let operatorTry = try await staff.operatorClient.send(.GET, "/api/v1/routing-rules")
            #expect(operatorTry.status == .forbidden)
        }
    }

    @Test func nextYearsNoticeIsAddedAsDataAndABadOneIsRefusedWhole() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let token = try await client.csrf()
            var headers: HTTPHeaders = ["X-CSRF-Token": token, "Content-Type": "text/plain"]
            let notice = "date,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-01-03,holiday,元旦\n"
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/calendar-days",
                headers: headers.merging(["Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]),
                body: ByteBuffer(string: notice))
            #expect(added.status == .ok)
            let days = try await client.send(.GET, "/api/v1/calendar-days?year=2027").json([RulesController.DayDTO].self)
            #expect(days.map(\.day) == ["2027-01-01", "2027-01-02", "2027-01-03"])
            headers.replaceOrAdd(name: .cookie, value: client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let bad = try await app.testing().sendRequest(
                .POST, "/api/v1/calendar-days", headers: headers,
                body: ByteBuffer(string: "2027-02-10,holiday\n2027-02-1x,workday\n"))
            #expect(bad.status == .unprocessableEntity)
            let workdayOnWeekday = try await app.testing().sendRequest(
                .POST, "/api/v1/calendar-days", headers: headers,
                body: ByteBuffer(string: "2027-02-10,workday\n"))
            #expect(workdayOnWeekday.status == .unprocessableEntity, "a make-up working day must fall on a weekend")
            #expect(try await CalendarDay.query(on: app.db).filter(\.$id == "2027-02-10").count() == 0, "nothing partial written")
        }
    }

    @Test func anSLAPolicyIsCheckedByTheDomainBeforeItIsStored() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let token = try await client.csrf()
            let policies = try await client.send(.GET, "/api/v1/sla-policies")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: policies.body)) as? [[String: Any]])
            #expect(
                Set(list.compactMap { $0["code"] as? String }).isSuperset(of: [
                    "12530", "longnan-simple", "longnan-general", "hour-response-same-day",
                ]))
            let twelve = try #require(list.first { $0["code"] as? String == "12530" })
            let body = try JSONSerialization.data(withJSONObject: twelve)
            let put = try await app.testing().sendRequest(
                .PUT, "/api/v1/sla-policies/12530",
                headers: [
                    "X-CSRF-Token": token, "Content-Type": "application/json",
                    "Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                ], body: ByteBuffer(data: body))
            #expect(put.status == .ok)
            let mismatch = try await app.testing().sendRequest(
                .PUT, "/api/v1/sla-policies/other",
                headers: [
                    "X-CSRF-Token": token, "Content-Type": "application/json",
                    "Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                ], body: ByteBuffer(data: body))
            #expect(mismatch.status == .unprocessableEntity)
            let broken = try await app.testing().sendRequest(
                .PUT, "/api/v1/sla-policies/12530",
                headers: [
                    "X-CSRF-Token": token, "Content-Type": "application/json",
                    "Cookie": client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                ],
                body: ByteBuffer(string: #"{"code":"12530","name":"x","englishName":"x","stages":[]}"#))
            #expect(broken.status.code >= 400 && broken.status.code < 500)
        }
    }
}
