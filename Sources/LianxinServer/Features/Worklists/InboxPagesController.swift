import Vapor
import Fluent
import LianxinCore

/// 消息 (`/inbox`): a person's messages, newest first, unread marked; opening one marks it read and goes to its
/// object; "mark all read". Works without JavaScript (plain forms).
struct InboxPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inbox", use: list)
        routes.post("inbox", "read-all", use: readAll)
        routes.post("inbox", ":id", "read", use: read)
    }

    struct Model: Encodable, Sendable {
        let items: [InboxWording.Item]
        let unread: Int
        let unreadOnly: Bool
        let notice: String
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let unreadOnly = req.query[String.self, at: "unread"] == "1"
        async let messages = InboxQueries.messages(for: principal, unreadOnly: unreadOnly, on: req.db)
        async let unread = InboxQueries.unreadCount(for: principal, on: req.db)
        let items = try await messages.map { InboxWording.item($0, req) }
        let notice = req.query[String.self, at: "done"] == "all" ? req.t("inbox_all_marked") : ""
        return try await req.page(
            "worklists/inbox", title: "inbox_title",
            model: Model(items: items, unread: try await unread, unreadOnly: unreadOnly, notice: notice))
    }

    /// Opening a message: marks it read and goes to its object (or back to the inbox when it has none).
    func read(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let message = try await InboxQueries.markRead(id, by: principal, at: req.lianxin.now(), on: req.db)
        else {
            throw await req.outOfScope("message", target: "notification:\(req.parameters.get("id") ?? "")")
        }
        return req.redirect(to: RedirectTarget.sameSite(InboxWording.link(of: message), fallback: "/inbox"))
    }

    func readAll(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        _ = try await InboxQueries.markAllRead(by: principal, at: req.lianxin.now(), on: req.db)
        return req.redirect(to: "/inbox?done=all")
    }
}
