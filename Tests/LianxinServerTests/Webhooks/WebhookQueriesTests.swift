import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer

@Suite("WebhookQueries")
struct WebhookQueriesTests {
    @Test func dueDeliveriesAreClaimedOldestFirstAndLeased() async throws {
        try await withLianxin { app, _ in
            let now = Date(timeIntervalSince1970: 1_795_000_000)
            let subscription = WebhookSubscription()
            subscription.id = UUID()
            subscription.url = "http://127.0.0.1:9/hook"
            subscription.secretCipher = Data([1, 2, 3])
            subscription.events = "[]"
            subscription.active = true
            subscription.createdAt = now
            try await subscription.create(on: app.db)
            func delivery(dueIn seconds: TimeInterval, delivered: Bool = false, failed: Bool = false) async throws -> WebhookDelivery {
                let row = WebhookDelivery()
                row.id = UUID()
                row.subscriptionID = try subscription.requireID()
                row.eventKind = "order.created"
                row.payload = "{}"
                row.attempts = 0
                row.nextAttemptAt = now.addingTimeInterval(seconds)
                row.deliveredAt = delivered ? now : nil
                row.failedAt = failed ? now : nil
                row.createdAt = now
                try await row.create(on: app.db)
                return row
            }
            let oldest = try await delivery(dueIn: -300)
            let older = try await delivery(dueIn: -200)
            let old = try await delivery(dueIn: -100)
            _ = try await delivery(dueIn: 60)
            _ = try await delivery(dueIn: -400, delivered: true)
            _ = try await delivery(dueIn: -400, failed: true)

            let first = try await WebhookQueries.claimDue(at: now, lease: 300, limit: 2, on: app.db)
            #expect(Set(first.map(\.id)) == Set([oldest.id, older.id]), "the two due longest")
            let stored = try await WebhookDelivery.query(on: app.db).filter(\.$id ~~ first.compactMap(\.id)).all()
            #expect(stored.allSatisfy { $0.nextAttemptAt == now.addingTimeInterval(300) }, "leased for five minutes")
            #expect(
                try await WebhookQueries.claimDue(at: now, lease: 300, limit: 10, on: app.db).map(\.id) == [old.id],
                "leased rows are skipped; delivered, failed and future ones are never due")
            #expect(try await WebhookQueries.claimDue(at: now, lease: 300, limit: 10, on: app.db).isEmpty)

            let byID = try await WebhookQueries.subscriptions([subscription.requireID(), UUID()], on: app.db)
            #expect(byID.count == 1)
            #expect(byID[try subscription.requireID()]?.url == "http://127.0.0.1:9/hook")
            #expect(try await WebhookQueries.subscriptions([], on: app.db).isEmpty)
        }
    }
}
