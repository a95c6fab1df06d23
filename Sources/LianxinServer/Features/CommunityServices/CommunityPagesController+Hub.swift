import Vapor
import Fluent
import LianxinCore

/// The community-services hub page and the volunteer choices the forms share.
extension CommunityPagesController {
    struct HubModel: Encodable, Sendable {
        var flash: Flash
        var counts: [CountsController.CommunityCounts]
        var ranking: [VolunteersController.RankedDTO]
        var dual: VolunteersController.DualCheckInDTO
        var year: String
    }

    func hub(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let first = LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        return try await req.page(
            "community/hub", title: "cs_title",
            model: HubModel(
                flash: Flash(req), counts: try await CommunityHubCounts.counts(principal, req),
                ranking: try await VolunteerService.ranking(by: "points", from: first, to: today, principal: principal, limit: 10, req),
                dual: try await VolunteerService.dualCheckIn(Quarter(containing: today), principal: principal, req),
                year: String(today.components.year)))
    }

    static func volunteerOptions(_ principal: Principal, _ req: Request) async throws -> [SelectOption] {
        try await CommunityScope.limit(Volunteer.query(on: req.db), to: principal).sort(\.$name).limit(1000).all()
            .map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.partyMember ? "\($0.name) ☆" : $0.name) }
    }
}
