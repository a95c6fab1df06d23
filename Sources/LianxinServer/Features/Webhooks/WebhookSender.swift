import Vapor
import Fluent
import Crypto
import LianxinCore

/// Sends a signed webhook request; the live one uses its own HTTP client, tests record calls.
protocol WebhookSender: Sendable {
    /// Posts `body` with `headers`; returns the HTTP status, or throws on a network failure.
    func send(url: String, headers: [(String, String)], body: Data) async throws -> UInt
}

/// The live sender: checks the target (`WebhookTarget`) before every request, follows no redirect (a 3xx is
/// a failed delivery) and gives up on a connection after 5 s and on a silent reply after 10 s.
struct HTTPWebhookSender: WebhookSender {
    let client: HTTPClient
    let target: WebhookTarget

    init(_ app: Application) {
        client = WebhookHTTPClient.client(of: app)
        target = WebhookTarget(app)
    }

    func send(url: String, headers: [(String, String)], body: Data) async throws -> UInt {
        if let refusal = await target.refusal(url) { throw refusal }
        let request = try HTTPClient.Request(url: url, method: .POST, headers: HTTPHeaders(headers), body: .data(body))
        let response = try await client.execute(request: request).get()
        return UInt(response.status.code)
    }
}

/// The webhooks' own HTTP client (not the application's shared one): no redirects, explicit timeouts.
struct WebhookHTTPClient: LifecycleHandler {
    let client: HTTPClient

    static let configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10)))

    private struct Key: StorageKey { typealias Value = WebhookHTTPClient }

    /// Creates the client and its shutdown with the application.
    static func install(in app: Application) {
        let handler = WebhookHTTPClient(client: HTTPClient(eventLoopGroup: app.eventLoopGroup, configuration: configuration))
        app.storage[Key.self] = handler
        app.lifecycle.use(handler)
    }

    static func client(of app: Application) -> HTTPClient {
        if let handler = app.storage[Key.self] { return handler.client }
        install(in: app)
        return app.storage[Key.self]!.client
    }

    func shutdownAsync(_ application: Application) async {
        try? await client.shutdown()
    }
}
