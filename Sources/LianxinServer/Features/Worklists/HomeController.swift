import Vapor
import Fluent
import LianxinCore

/// The home page each role lands on: its work lists (nearest deadline first, with counts), its key figures with
/// links, and its unread messages — not the size of the division tree.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    struct Model: Encodable, Sendable {
        let greeting: String
        let divisionPath: [String]
        let figures: [HomeWorklist.Figure]
        let sections: [HomeWorklist.Section]
        let unread: Int
        let messages: [InboxWording.Item]
        let cards: [HomeWorklist.Card]
    }

    func home(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        async let path = DivisionQueries.path(to: principal.division, on: req.db)
        async let unread = InboxQueries.unreadCount(for: principal, on: req.db)
        async let messages = InboxQueries.messages(for: principal, unreadOnly: true, limit: 5, on: req.db)
        let work = try await HomeWorklist.build(for: principal, req)
        let model = Model(
            greeting: req.t("home_duty_\(principal.role.rawValue)"), divisionPath: try await path.map(\.name),
            figures: work.figures, sections: work.sections, unread: try await unread,
            messages: try await messages.map { InboxWording.item($0, req) }, cards: HomeWorklist.cards(for: principal, req))
        return try await req.page("worklists/home", title: "home_title", model: model)
    }
}
