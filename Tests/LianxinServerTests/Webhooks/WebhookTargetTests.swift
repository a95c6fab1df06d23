import Foundation
import Testing
import Vapor
import NIOConcurrencyHelpers
@testable import LianxinServer

/// #16 item 15: webhooks go to https only, follow no redirect and never reach internal addresses in production.
@Suite("Webhook targets")
struct WebhookTargetTests {
    @Test func item15_aWebhookFollowsNoRedirect() async throws {
        let receiver = try await Application.make(.testing)
        let redirected = NIOLockedValueBox(0)
        receiver.post("hook") { req in req.redirect(to: "/elsewhere", redirectType: .temporary) }
        receiver.post("elsewhere") { _ in
            redirected.withLockedValue { $0 += 1 }
            return HTTPStatus.ok
        }
        try await receiver.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(receiver.http.server.shared.localAddress?.port)
            try await withLianxin { app, _ in
                let sender = HTTPWebhookSender(app)
                let status = try await sender.send(url: "http://127.0.0.1:\(port)/hook", headers: [], body: Data("{}".utf8))
                #expect(status == 307, "the redirect is the answer, not followed")
                #expect(redirected.withLockedValue { $0 } == 0)
                await #expect(throws: WebhookTargetRefusal.self, "plain http beyond loopback") {
                    _ = try await sender.send(url: "http://sms.example.cn/hook", headers: [], body: Data())
                }
            }
        } catch {
            await receiver.server.shutdown()
            try await receiver.asyncShutdown()
            throw error
        }
        await receiver.server.shutdown()
        try await receiver.asyncShutdown()
    }

    @Test func item15_productionRefusesInternalWebhookTargets() async throws {
        try await withLianxin(settings: ["LIANXIN_ENV": "production", "LIANXIN_BCRYPT_COST": "10"]) { app, _ in
            let target = WebhookTarget(app)
            for url in [
                "https://127.0.0.1/hook", "https://10.0.0.8/hook", "https://[::1]/hook", "https://169.254.169.254/latest", "https://localhost/hook",
            ] {
                let refusal = await target.refusal(url)
                guard case .internalAddress = refusal?.reason else {
                    Issue.record("\(url) was not refused as internal: \(String(describing: refusal))")
                    continue
                }
            }
            #expect(await target.refusal("http://127.0.0.1:9000/hook")?.reason == .notHTTPS, "no plain http in production")
            #expect(await target.refusal("https://36.110.1.1/hook") == nil)
        }
    }
}
