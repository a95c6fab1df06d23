import Fluent
import Foundation
import LianxinCore
import Testing
import VaporTesting

@testable import LianxinServer

/// Issue 21: the leader's dashboard has a card for the on-site check (核查): orders verified, failed and the average
/// check time, each count a link to a list of exactly as many orders.
@Suite("Dashboard verification card (核查)")
struct VerificationCardTests {
    /// The link and the number of the card's count `measure` on the page.
    static func linked(_ measure: String, in page: String) throws -> (href: String, value: Int) {
        let pattern = "data-measure=\"\(measure)\" href=\"([^\"]+)\">(\\d+)<"
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try #require(regex.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)), "no \(measure) link")
        let href = String(page[Range(match.range(at: 1), in: page)!]).replacingOccurrences(of: "&amp;", with: "&")
        return (href, Int(page[Range(match.range(at: 2), in: page)!]) ?? -1)
    }

    @Test func theCardCountsChecksPassedAndFailedWithTheAverageTimeAndEveryCountDrillsDownToAsManyOrders() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let gridMember = TestClient(app: app)
            try await gridMember.login("gridmember")
            let supervisor = TestClient(app: app)
            try await supervisor.login("supervisor")
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let id = try await VerificationFlowTests.completed(staff, app)
            let photo = try await VerificationFlowTests.photo(gridMember, id)
            #expect(try await VerificationFlowTests.verify(gridMember, id, passed: false, photo: photo, note: "灯仍不亮").status == .ok)
            #expect(try await staff.act(staff.handler, id, ["action": "complete", "note": "已更换镇流器"]).status == .ok)
            let second = try await VerificationFlowTests.photo(supervisor, id)
            #expect(try await VerificationFlowTests.verify(supervisor, id, passed: true, photo: second).status == .ok)

            let dto = try await AssessmentAppealTests.dashboard(leader)
            #expect(dto.verification.verified >= 1 && dto.verification.failed >= 1 && dto.verification.checks >= 1)
            #expect(dto.verification.averageMinutes != nil)
            let page = try await leader.send(.GET, "/dashboard?division=361102001001&period=day").body.string
            #expect(page.contains("现场核查") && page.contains("核查平均用时"))
            for (measure, figure) in [
                ("verified", dto.verification.verified), ("verificationFailed", dto.verification.failed), ("verify.stopped", dto.verification.checks),
            ] {
                let (href, value) = try Self.linked(measure, in: page)
                #expect(value == figure, "the card shows \(measure) as the API counts it")
                let list = try await leader.send(.GET, "/api/v1" + href).json(DrillDownDTO.self)
                #expect(list.count == value && list.items.count == value, "\(measure): the list is as long as the figure")
                #expect(list.items.contains { $0.id.uuidString == id })
                let listed = try await leader.send(.GET, href)
                #expect(listed.status == .ok)
            }
            // In English, the card speaks English.
            leader.cookies[Request.languageCookie] = "en"
            let english = try await leader.send(.GET, "/dashboard?division=361102001001&period=day").body.string
            #expect(english.contains("On-site checks") && english.contains("Average check time"))
        }
    }
}
