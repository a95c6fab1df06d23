import Foundation
import NIOConcurrencyHelpers
import Vapor
@testable import LianxinServer

/// An in-process HTTP server on a loopback port that stands in for a provider: it records every request
/// and answers with what `answer` says (by default the provider's success).
final class StubProvider: Sendable {
    struct Recorded: Sendable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let body: Data

        /// The query's parameters, percent-decoded.
        var parameters: [String: String] {
            Dictionary(
                query.split(separator: "&").map { pair -> (String, String) in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (parts[0].removingPercentEncoding ?? parts[0], (parts.count > 1 ? parts[1] : "").removingPercentEncoding ?? "")
                }, uniquingKeysWith: { a, _ in a })
        }

        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    let app: Application
    let port: Int
    private let box: NIOLockedValueBox<(requests: [Recorded], answers: [(UInt, String)])>

    var requests: [Recorded] { box.withLockedValue { $0.requests } }
    var url: String { "http://127.0.0.1:\(port)" }

    /// Answers the next requests with these statuses and bodies before the default.
    func script(_ answers: [(UInt, String)]) { box.withLockedValue { $0.answers += answers } }

    private init(app: Application, port: Int, box: NIOLockedValueBox<(requests: [Recorded], answers: [(UInt, String)])>) {
        self.app = app
        self.port = port
        self.box = box
    }

    static func start(answer defaultAnswer: String) async throws -> StubProvider {
        let app = try await Application.make(.testing)
        let box = NIOLockedValueBox<(requests: [Recorded], answers: [(UInt, String)])>(([], []))
        let handler: @Sendable (Request) async throws -> Response = { req in
            var headers: [String: String] = [:]
            for (name, value) in req.headers { headers[name.lowercased()] = value }
            let body = req.body.data.map { Data(buffer: $0) } ?? Data()
            let (status, text) = box.withLockedValue { state -> (UInt, String) in
                state.requests.append(
                    Recorded(method: req.method.rawValue, path: req.url.path, query: req.url.query ?? "", headers: headers, body: body))
                return state.answers.isEmpty ? (200, defaultAnswer) : state.answers.removeFirst()
            }
            return Response(
                status: HTTPResponseStatus(statusCode: Int(status)), headers: ["Content-Type": "application/json"], body: .init(string: text))
        }
        for method in [HTTPMethod.GET, .POST] {
            app.on(method, body: .collect(maxSize: "1mb"), use: handler)
            app.on(method, "**", body: .collect(maxSize: "1mb"), use: handler)
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError) }
        return StubProvider(app: app, port: port, box: box)
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
