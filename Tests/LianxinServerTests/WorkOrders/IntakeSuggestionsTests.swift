import Foundation
import Testing
import VaporTesting
@testable import LianxinServer

@Suite("Intake suggestions: category, department and duplicates")
struct IntakeSuggestionsTests {
    struct Typed: Encodable {
        var title: String
        var description: String
        var divisionCode: String
        var latitude: Double?
        var longitude: Double?
        var requesterPhone: String?
    }

    @Test func theDeskSuggestsACategoryWithItsDepartmentAndFindsTheSameProblemNearby() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            _ = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: NewWorkOrder(
                    title: "上滩头社区路灯不亮", description: "劳动路 12 号门前路灯连续三晚不亮，夜间行人不便。", categoryCode: "0601",
                    divisionCode: "361102001001", latitude: 28.4545, longitude: 117.9433, requesterPhone: "13807930001"))
            let response = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/suggestions",
                headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: Typed(
                    title: "路灯坏了", description: "劳动路12号路灯晚上不亮，黑乎乎的", divisionCode: "361102001001",
                    latitude: 28.4547, longitude: 117.9435, requesterPhone: "13807930001"))
            #expect(response.status == .ok)
            let output = try response.json(IntakeSuggestionsController.Output.self)
            #expect(output.categories.first?.name == "路灯损坏", "the seed model's 市政设施, carried down to the leaf the text names")
            #expect(output.categories.first?.departmentName == "信州区城市管理局", "the district's unit for the district's order")
            let duplicate = try #require(output.duplicates.first)
            #expect(duplicate.sameCaller)
            #expect((duplicate.distanceMeters ?? 999) < 50)
            // An order that came in by itself (Open311, web) shows the same candidates to the operator accepting it.
            let later = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders", headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()],
                json: NewWorkOrder(
                    title: "路灯坏了", description: "劳动路12号路灯晚上不亮，黑乎乎的", categoryCode: "0601", channel: "open311",
                    divisionCode: "361102001001", latitude: 28.4547, longitude: 117.9435)
            ).json(WorkOrderDTO.self)
            let ofOrder = try await staff.operatorClient.send(.GET, "/api/v1/work-orders/\(later.id)/duplicates")
                .json([IntakeSuggestionsController.DuplicateDTO].self)
            #expect(ofOrder.map(\.orderId) == [duplicate.orderId], "the earlier order, never the order itself")
            #expect(try await staff.handler.send(.GET, "/api/v1/work-orders/\(later.id)/duplicates").status == .notFound)
            let empty = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/suggestions",
                headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()], json: ["title": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(
                try await staff.handler.send(
                    .POST, "/api/v1/work-orders/suggestions",
                    headers: ["X-CSRF-Token": try await staff.handler.csrf()], json: ["title": "路灯"]
                ).status == .forbidden)
        }
    }
}
