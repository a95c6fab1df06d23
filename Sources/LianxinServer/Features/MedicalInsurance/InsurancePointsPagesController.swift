import Vapor
import Fluent
import LianxinCore

/// `/medical-insurance/points` (记分管理): institutions and responsible persons by points from confirmed
/// leads, each with the actions their thresholds propose; a supervisor confirms or declines each.
struct InsurancePointsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("medical-insurance", "points")
        pages.get(use: index)
        pages.post(use: decide)
    }

    struct Proposal: Encodable, Sendable {
        let action: String
        let label: String
    }

    struct Row: Encodable, Sendable {
        let subject: String
        let code: String
        let name: String
        let points: Int
        let proposals: [Proposal]
        let decided: String
    }

    struct Model: Encodable, Sendable {
        let institutions: [Row]
        let persons: [Row]
        let notice: String
    }

    func index(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let standing = try await PointsStanding.load(principal: principal, on: req.db)
        func rows(_ subject: PointsPolicy.Subject) -> [Row] {
            standing.rows(subject).map { row in
                Row(
                    subject: subject.rawValue, code: row.code, name: row.name, points: row.points,
                    proposals: row.proposals.map { Proposal(action: $0.rawValue, label: req.t("mi_action_\($0.rawValue)")) },
                    decided: row.decided.map { entry in
                        let parts = entry.split(separator: ":").map(String.init)
                        return "\(req.t("mi_action_\(parts[0])"))（\(req.t("mi_decision_\(parts[1])"))）"
                    }.joined(separator: "、"))
            }
        }
        let model = Model(
            institutions: rows(.institution), persons: rows(.person),
            notice: req.query[String.self, at: "done"] == nil ? "" : req.t("mi_points_saved"))
        return try await req.page("medical-insurance/points", title: "mi_points_title", model: model)
    }

    func decide(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let values = try req.content.decode([String: String].self)
        do {
            try await LeadReview(request: req, principal: principal).decide(
                subject: values["subject"], code: values["code"], action: values["action"], decision: values["decision"])
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/medical-insurance/points", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/points?done=1")
    }
}
