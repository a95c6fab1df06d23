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

    // MARK: Service events

    struct EventsModel: Encodable, Sendable {
        let tabs: Tabs
        let items: [ServiceEventsController.EventDTO]
        let canManage: Bool
        let kinds: [SelectOption]
        let departments: [SelectOption]
    }

    func events(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let items = try await ServiceEventsController().list(req: req)
        return try await req.page("engagement/events", title: "engagement_events", model: EventsModel(
            tabs: Self.tabs(principal, "events"), items: items, canManage: principal.role.can(.manageEngagement),
            kinds: ServiceEventsController.kinds.map { SelectOption(value: $0, label: req.t("engagement_kind_\($0)")) },
            departments: try await Self.departments(req)))
    }

    struct EventModel: Encodable, Sendable {
        let tabs: Tabs
        let event: ServiceEventsController.EventDTO
        let sittings: [ServiceEventsController.OccurrenceDTO]
        let requests: ServiceEventsController.RequestList
        let canManage: Bool
        let canFile: Bool
        let today: String
        let departments: [SelectOption]
        let categories: [SelectOption]
    }

    func event(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let record = try await ServiceEventsController.find(req, principal)
        let today = Engagement.day(req.lianxin.now())
        return try await req.page("engagement/event", title: "engagement_events", model: EventModel(
            tabs: Self.tabs(principal, "events"), event: try await ServiceEventsController.dto(record, req),
            sittings: try await ServiceEventsController.occurrences(of: record, from: today, through: today.adding(days: 45), req),
            requests: try await ServiceEventsController.requestList(record, day: nil, req),
            canManage: principal.role.can(.manageEngagement), canFile: principal.role.can(.createWorkOrders), today: today.description,
            departments: try await Self.departments(req), categories: try await Self.categories(req)))
    }

    // MARK: Meetings

    struct MeetingsModel: Encodable, Sendable {
        let tabs: Tabs
        let items: [MeetingsController.MeetingDTO]
        let canManage: Bool
        let kinds: [SelectOption]
    }

    func meetings(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let language = Engagement.language(req)
        return try await req.page("engagement/meetings", title: "engagement_meetings", model: MeetingsModel(
            tabs: Self.tabs(principal, "meetings"), items: try await MeetingsController().list(req: req),
            canManage: principal.role.can(.manageEngagement),
            kinds: MeetingKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) }))
    }

    struct MeetingModel: Encodable, Sendable {
        let tabs: Tabs
        let meeting: MeetingsController.MeetingDTO
        let canManage: Bool
        let canFile: Bool
        let categories: [SelectOption]
        let scheduled: String
    }

    func meeting(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let record = try await MeetingsController.find(req, principal)
        let dto = try await MeetingsController.dto(record, req)
        return try await req.page("engagement/meeting", title: "engagement_meetings", model: MeetingModel(
            tabs: Self.tabs(principal, "meetings"), meeting: dto, canManage: principal.role.can(.manageEngagement),
            canFile: principal.role.can(.createWorkOrders), categories: try await Self.categories(req), scheduled: Engagement.minute(dto.scheduledAt)))
    }

    struct PublicMeetingModel: Encodable, Sendable {
        let meeting: MeetingsController.MeetingDTO
        let scheduled: String
    }

    /// 三个开放: the meeting's public page — topics to support before it, every opinion's outcome after it.
    func publicMeeting(req: Request) async throws -> Response {
        let record = try await MeetingsController.publicMeeting(req)
        let dto = try await MeetingsController.publicDTO(record, req)
        return try await req.page("engagement/public-meeting", title: "engagement_public_title", model: PublicMeetingModel(
            meeting: dto, scheduled: Engagement.minute(dto.scheduledAt)))
    }

    // MARK: Mediation

    struct MediationModel: Encodable, Sendable {
        let tabs: Tabs
        let items: [MediationController.CaseDTO]
        let rates: MediationController.Rates
        let types: [SelectOption]
        let today: String
    }

    func mediation(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let language = Engagement.language(req)
        return try await req.page("engagement/mediation", title: "engagement_mediation", model: MediationModel(
            tabs: Self.tabs(principal, "mediation"), items: try await MediationController().list(req: req),
            rates: try await MediationController.rates(principal, req),
            types: DisputeType.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) },
            today: Engagement.day(req.lianxin.now()).description))
    }

    struct CaseModel: Encodable, Sendable {
        let tabs: Tabs
        let item: MediationController.CaseDTO
        let outcomes: [SelectOption]
        let canUnmask: Bool
    }

    func mediationCase(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let item = try await MediationController().show(req: req)
        let language = Engagement.language(req)
        return try await req.page("engagement/mediation-case", title: "engagement_mediation", model: CaseModel(
            tabs: Self.tabs(principal, "mediation"), item: item,
            outcomes: MediationOutcome.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) },
            canUnmask: principal.role.can(.unmaskPersonalData)))
    }

    // MARK: Petitions

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
        return try await req.page("engagement/petitions", title: "engagement_petitions", model: PetitionsModel(
            tabs: Self.tabs(principal, "petitions"), daily: try await PetitionsController.daily(principal, req),
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
        let week = try await PetitionsController.weekly(principal, req)
        let monday = LocalDate(iso: week.weekStart) ?? Engagement.day(req.lianxin.now())
        return try await req.page("engagement/petitions-weekly", title: "engagement_weekly", model: WeeklyModel(
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
        let report = try await PetitionsController.monthly(principal, req)
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        return try await req.page("engagement/petitions-monthly", title: "engagement_monthly", model: MonthlyModel(
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
        return try await req.page("engagement/petition", title: "engagement_petitions", model: PetitionModel(
            tabs: Self.tabs(principal, "petitions"), item: item,
            cases: try cases.map { SelectOption(value: try $0.requireID().uuidString, label: "\($0.receivedOn) \($0.summary.prefix(30))") },
            canUnmask: principal.role.can(.unmaskPersonalData)))
    }

    // MARK: Shared

    static func departments(_ req: Request) async throws -> [SelectOption] {
        try await Department.query(on: req.db).sort(\.$code).all().map { SelectOption(value: try $0.requireID().uuidString, label: $0.name) }
    }

    static func categories(_ req: Request) async throws -> [SelectOption] {
        try await Category.query(on: req.db).sort(\.$id).all().compactMap { category in
            guard let code = category.id, code.count > 2 else { return nil }
            return SelectOption(value: code, label: "\(code) \(category.name)")
        }
    }
}
