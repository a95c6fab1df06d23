import Vapor
import Fluent
import Crypto
import LianxinCore

/// Sends a signed webhook request; the live one uses Vapor's HTTP client, tests record calls.
protocol WebhookSender: Sendable {
    /// Posts `body` with `headers`; returns the HTTP status, or throws on a network failure.
    func send(url: String, headers: [(String, String)], body: Data) async throws -> UInt
}

/// The live sender.
struct HTTPWebhookSender: WebhookSender {
    let client: any Client

    func send(url: String, headers: [(String, String)], body: Data) async throws -> UInt {
        let response = try await client.post(URI(string: url), headers: HTTPHeaders(headers)) { request in
            request.body = ByteBuffer(data: body)
        }
        return response.status.code
    }
}
