import Vapor
import Fluent
import LianxinCore

/// The hotspots page (热点) and its forms.
extension HotspotsController {
    struct PageModel: Encodable, Sendable {
        var run: RunDTO?
        /// When the shown pass's window ended, in Beijing time.
        var runLabel: String?
        var items: [HotspotDTO]
        var canTask: Bool
        /// Whether the reader may take a hotspot up as the topic of the month (每月一题).
        var canTopic: Bool
        var notice: String?
        var error: String?
    }

    /// The hotspots page of the latest pass.
    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewHotspots)
        let list = try await HotspotPresenter.latest(for: principal, status: "all", req)
        return try await req.page(
            "intelligence/hotspots", title: "nav_hotspots",
            model: PageModel(
                run: list.run, runLabel: list.run.map { Self.beijingTime($0.windowEnd) }, items: list.items,
                canTask: principal.role.can(.createProactiveTasks), canTopic: principal.role.can(.manageTopics),
                notice: try? req.query.get(String.self, at: "notice"), error: try? req.query.get(String.self, at: "error")))
    }

    /// The page's task button.
    func taskFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.createProactiveTasks)
        do {
            let record = try await Self.find(req.parameters.get("id"), for: principal, req)
            let order = try await Self.createTask(record, input: TaskInput(), principal: principal, req)
            return req.redirect(to: "/hotspots?notice=" + Self.queryEscaped(req.t("hotspots_tasked") + " " + order.number))
        } catch let problem as Problem where problem.status != .notFound {
            return req.redirect(to: "/hotspots?error=" + Self.queryEscaped(problem.detail))
        }
    }

    /// The page's dismiss form.
    func dismissFromForm(req: Request) async throws -> Response {
        let principal = try await req.require(.createProactiveTasks)
        struct Form: Content { var reason: String? }
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        let reason = try req.content.decode(Form.self).reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...500).contains(reason.count) else {
            return req.redirect(to: "/hotspots?error=" + Self.queryEscaped(req.t("hotspots_reason_needed")))
        }
        try await Self.mark(record, status: "dismissed", order: nil, note: reason, principal: principal, req)
        return req.redirect(to: "/hotspots?notice=" + Self.queryEscaped(req.t("hotspots_dismissed")))
    }

    private static func beijingTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = WorkCalendar.shanghai
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
