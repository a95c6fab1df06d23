import Vapor
import Fluent
import LianxinCore

/// What the mediation API and pages share: the two sides, the reason check and the success rates.
enum MediationFigures {
    typealias RateDTO = MediationController.RateDTO
    typealias Rates = MediationController.Rates

    static func rates(_ principal: Principal, _ req: Request) async throws -> Rates {
        var checks = InputValidator(req)
        let from = req.query[String.self, at: "from"].map { checks.day($0, "/from", default: LocalDate(daysSinceEpoch: 0)) }
        let to = req.query[String.self, at: "to"].map { checks.day($0, "/to", default: LocalDate(daysSinceEpoch: 0)) }
        try checks.finish()
        var query = MediationCase.query(on: req.db).inScope(\.$divisionCode, principal)
        if let from { query = query.filter(\.$receivedOn >= from.description) }
        if let to { query = query.filter(\.$receivedOn <= to.description) }
        let cases = try await query.all()
        let mediators = cases.isEmpty ? [] : try await MediationMediator.query(on: req.db).filter(\.$caseID ~~ cases.compactMap(\.id)).all()
        let byCase = Dictionary(grouping: mediators, by: \.caseID)
        let items = cases.map { row in
            MediationSuccessRate.Case(
                mediators: (byCase[row.id ?? UUID()] ?? []).map(\.name), community: row.divisionCode,
                outcome: row.outcome.flatMap(MediationOutcome.init(rawValue:)))
        }
        let codes = Set(cases.map(\.divisionCode))
        let names =
            codes.isEmpty
            ? [:]
            : try await Division.query(on: req.db).filter(\.$id ~~ Array(codes)).all()
                .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        func dto(_ rate: MediationSuccessRate, name: String) -> RateDTO {
            RateDTO(
                key: rate.key, name: name, concluded: rate.concluded, agreements: rate.agreements, open: rate.open,
                rate: rate.rate.map { ($0 * 1000).rounded() / 1000 },
                percent: rate.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—")
        }
        return Rates(
            formula: MediationSuccessRate.formula(in: Engagement.language(req)),
            mediators: MediationSuccessRate.perMediator(items).map { dto($0, name: $0.key) },
            communities: MediationSuccessRate.perCommunity(items).map { dto($0, name: names[$0.key] ?? $0.key) })
    }

    static let sides = ["applicant", "respondent"]

    static func reason(_ text: String?) throws -> String {
        let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...200).contains(reason.count) else { throw Problem.invalid(field: "/reason", "2–200 characters / 请填写查看原因（2–200 字）") }
        return reason
    }
}
