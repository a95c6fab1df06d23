import Vapor
import Fluent
import LianxinCore

/// The mediation pages.
extension EngagementPagesController {
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
        return try await req.page(
            "engagement/mediation", title: "engagement_mediation",
            model: MediationModel(
                tabs: Self.tabs(principal, "mediation"), items: try await MediationController().list(req: req),
                rates: try await MediationFigures.rates(principal, req),
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
        return try await req.page(
            "engagement/mediation-case", title: "engagement_mediation",
            model: CaseModel(
                tabs: Self.tabs(principal, "mediation"), item: item,
                outcomes: MediationOutcome.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) },
                canUnmask: principal.role.can(.unmaskPersonalData)))
    }
}
