import Foundation
import Testing
import VaporTesting
@testable import LianxinServer

@Suite("Personal data is masked until unmasked with a reason")
struct UnmaskTests {
    @Test func anOperatorUnmasksAPhoneWithAReasonAndTheAuditorSeesIt() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            #expect(order.requesterPhone == "138****0001")
            let token = try await staff.operatorClient.csrf()
            let noReason = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(order.id)/unmask", headers: ["X-CSRF-Token": token], json: ["reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            let shown = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders/\(order.id)/unmask", headers: ["X-CSRF-Token": token],
                json: ["reason": "回访联系群众"])
            #expect(try shown.field("requesterPhone") as? String == "13807930001")
            #expect(try await auditActions(app).contains { $0.action == "personal-data.unmask" && $0.target == "work-order:\(order.number)" })
            let leader = TestClient(app: app)
            try await leader.login("leader")
            let denied = try await leader.send(
                .POST, "/api/v1/work-orders/\(order.id)/unmask", headers: ["X-CSRF-Token": try await leader.csrf()],
                json: ["reason": "想看看"])
            #expect(denied.status == .forbidden)
            let stored = try #require(try await WorkOrder.find(order.id, on: app.db))
            #expect(!String(decoding: stored.requesterPhoneCipher ?? Data(), as: UTF8.self).contains("13807930001"), "encrypted at rest")
            #expect(stored.requesterPhoneIndex == app.lianxin.cipher.blindIndex("13807930001"))
        }
    }
}
