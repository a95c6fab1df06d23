import Vapor
import Fluent
import LianxinCore

/// The petition pages: the list, the weekly and monthly reports and one petition.
extension EngagementPagesController {
    struct PetitionsModel: Encodable, Sendable {
        let tabs: Tabs
        let daily: PetitionsController.Daily
        let recent: [PetitionsController.PetitionDTO]
        let channels: [SelectOption]
        let today: String
    }

    func petitions(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let language = Engagement.language(req)
        return try await req.page(
            "engagement/petitions", title: "engagement_petitions",
            model: PetitionsModel(
                tabs: Self.tabs(principal, "petitions"), daily: try await PetitionTallies.daily(principal, req),
                recent: Array(try await PetitionsController().list(req: req).prefix(50)),
                channels: PetitionChannel.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) },
                today: Engagement.day(req.lianxin.now()).description))
    }

    struct WeeklyModel: Encodable, Sendable {
        let tabs: Tabs
        let week: PetitionsController.Weekly
        let previous: String
        let next: String
    }

    func weekly(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let week = try await PetitionTallies.weekly(principal, req)
        let monday = LocalDate(iso: week.weekStart) ?? Engagement.day(req.lianxin.now())
        return try await req.page(
            "engagement/petitions-weekly", title: "engagement_weekly",
            model: WeeklyModel(
                tabs: Self.tabs(principal, "weekly"), week: week, previous: monday.adding(days: -7).description,
                next: monday.adding(days: 7).description))
    }

    struct MonthlyModel: Encodable, Sendable {
        let tabs: Tabs
        let report: PetitionsController.Monthly
        let closeRate: String
        let onTimeRate: String
    }

    func monthly(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let report = try await PetitionTallies.monthly(principal, req)
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        return try await req.page(
            "engagement/petitions-monthly", title: "engagement_monthly",
            model: MonthlyModel(
                tabs: Self.tabs(principal, "monthly"), report: report, closeRate: percent(report.closeRate), onTimeRate: percent(report.onTimeRate)))
    }

    struct PetitionModel: Encodable, Sendable {
        let tabs: Tabs
        let item: PetitionsController.PetitionDTO
        let cases: [SelectOption]
        let canUnmask: Bool
    }

    func petition(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let item = try await PetitionsController().show(req: req)
        let cases = try await MediationCase.query(on: req.db).inScope(\.$divisionCode, principal).filter(\.$outcome == nil)
            .sort(\.$receivedOn, .descending).limit(100).all()
        return try await req.page(
            "engagement/petition", title: "engagement_petitions",
            model: PetitionModel(
                tabs: Self.tabs(principal, "petitions"), item: item,
                cases: try cases.map { SelectOption(value: try $0.requireID().uuidString, label: "\($0.receivedOn) \($0.summary.prefix(30))") },
                canUnmask: principal.role.can(.unmaskPersonalData)))
    }
}
