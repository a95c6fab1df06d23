import Foundation
import Testing
import VaporTesting
@testable import LianxinServer

@Suite("The OpenAPI document matches the routes")
struct OpenAPITests {
    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedPathExists() async throws {
        try await withLianxin { app, client in
            let response = try await client.send(.GET, "/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var routes: Set<String> = []
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                guard path.hasPrefix("/api/") else { continue }
                routes.insert("\(route.method.rawValue.lowercased()) \(path)")
            }
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } }.filter { $0.contains(" /api/") })
            #expect(routes.subtracting(documented).isEmpty, "undocumented: \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "documented but missing: \(documented.subtracting(routes).sorted())")
        }
    }
}
