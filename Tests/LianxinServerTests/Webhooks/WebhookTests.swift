import Foundation
import Testing
import NIOConcurrencyHelpers
@testable import LianxinServer

/// Records webhook calls and answers with scripted statuses.
final class RecordingSender: WebhookSender {
    struct Call: Sendable { let url: String; let headers: [String: String]; let body: Data }
    private let box = NIOLockedValueBox<(calls: [Call], statuses: [UInt])>(([], []))

    init(statuses: [UInt]) { box.withLockedValue { $0.statuses = statuses } }

    var calls: [Call] { box.withLockedValue { $0.calls } }

    func send(url: String, headers: [(String, String)], body: Data) async throws -> UInt {
        box.withLockedValue { state in
            state.calls.append(Call(url: url, headers: Dictionary(headers, uniquingKeysWith: { a, _ in a }), body: body))
            return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
        }
    }
}

@Suite("Signed outbound webhooks")
struct WebhookTests {
    @Test func eventsAreSignedQueuedInTheTransactionAndRetriedWithBackoff() async throws {
        let clock = TestClock(SLASchedulerTests.tuesdayMorning)
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let subscription = WebhookSubscription()
            subscription.id = UUID()
            subscription.url = "http://127.0.0.1:9/sms"
            subscription.secretCipher = try app.lianxin.cipher.seal("sms-gateway-secret-0001", for: .webhookSecret, row: subscription.id!)
            subscription.events = "workOrder.dispatched,sla.breach"
            subscription.active = true
            subscription.createdAt = clock.now
            try await subscription.create(on: app.db)

            let staff = try await Staff.signIn(app)
            let id = try await staff.create().json(WorkOrderDTO.self).id.uuidString
            #expect(try await count("webhook_deliveries", app) == 0, "created/accepted are not subscribed")
            try await staff.act(staff.dispatcher, id, ["action": "dispatch", "departmentId": try await staff.departmentID("XZ-CG")])
            #expect(try await count("webhook_deliveries", app) == 1)

            let sender = RecordingSender(statuses: [503, 200])
            #expect(try await WebhookDispatcher.deliverDue(app, sender: sender) == 0, "the gateway answered 503")
            #expect(try await WebhookDispatcher.deliverDue(app, sender: sender) == 0, "not due again before the backoff")
            clock.advance(WebhookDispatcher.backoff(afterAttempts: 1) + 1)
            #expect(try await WebhookDispatcher.deliverDue(app, sender: sender) == 1)
            #expect(try await WebhookDispatcher.deliverDue(app, sender: sender) == 0, "delivered once")

            let call = try #require(sender.calls.last)
            #expect(call.headers["X-Lianxin-Event"] == "workOrder.dispatched")
            let timestamp = try #require(call.headers["X-Lianxin-Timestamp"])
            #expect(
                call.headers["X-Lianxin-Signature"]
                    == WebhookDispatcher.signature(secret: "sms-gateway-secret-0001", timestamp: timestamp, body: call.body))
            #expect(String(decoding: call.body, as: UTF8.self).contains("\"event\":\"dispatched\""))
            #expect(WebhookDispatcher.backoff(afterAttempts: 1) == 30)
            #expect(WebhookDispatcher.backoff(afterAttempts: 3) == 120)
            #expect(WebhookDispatcher.backoff(afterAttempts: 20) == 6 * 3600)
        }
    }
}
