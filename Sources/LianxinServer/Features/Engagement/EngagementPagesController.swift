import Vapor
import Fluent
import LianxinCore

/// The staff pages under /engagement (service events, meetings, mediation, petitions) and the public
/// results page of a meeting under /p/meetings. Pages render the same DTOs as the API; their forms post
/// JSON to the API through Public/js/engagement-forms.js and show its problems next to the form.
struct EngagementPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("engagement")
        pages.get(use: hub)
        pages.get("events", use: events)
        pages.get("events", ":id", use: event)
        pages.get("meetings", use: meetings)
        pages.get("meetings", ":id", use: meeting)
        pages.get("mediation", use: mediation)
        pages.get("mediation", ":id", use: mediationCase)
        pages.get("petitions", use: petitions)
        pages.get("petitions", "weekly", use: weekly)
        pages.get("petitions", "monthly", use: monthly)
        pages.get("petitions", ":id", use: petition)
        routes.get("p", "meetings", ":id", use: publicMeeting)
    }

    /// What every engagement page shows above its content: which sections the user may open.
    struct Tabs: Encodable, Sendable {
        let events: Bool
        let disputes: Bool
        let current: String
    }

    static func tabs(_ principal: Principal, _ current: String) -> Tabs {
        Tabs(events: principal.role.can(.viewEngagement), disputes: principal.role.can(.handleDisputes), current: current)
    }

    func hub(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        if principal.role.can(.viewEngagement) { return req.redirect(to: "/engagement/events") }
        _ = try await req.require(.handleDisputes)
        return req.redirect(to: "/engagement/petitions")
    }
}
