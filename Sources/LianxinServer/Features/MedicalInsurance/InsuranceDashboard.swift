import Vapor
import Fluent
import LianxinCore

/// The supervision dashboard's figures for a division: leads by rule with the confirmed rate (so rules
/// can be tuned), leads by institution, amounts to recover and recovered, and points.
struct InsuranceDashboard: Encodable, Sendable {
    struct RuleRow: Encodable, Sendable {
        let label: String
        let leads: Int
        let open: Int
        let confirmed: Int
        let dismissed: Int
        let confirmedRate: String
        let toRecover: String
    }

    struct InstitutionRow: Encodable, Sendable {
        let name: String
        let leads: Int
        let amount: String
    }

    struct PointsRow: Encodable, Sendable {
        let name: String
        let points: Int
        let proposals: String
    }

    struct MonthRow: Encodable, Sendable {
        let month: String
        let leads: Int
        let recovered: String
    }

    let rules: [RuleRow]
    let institutions: [InstitutionRow]
    let totalLeads: Int
    let toRecover: String
    let recovered: String
    let institutionPoints: [PointsRow]
    let personPoints: [PointsRow]
    let months: [MonthRow]

    static func load(_ req: Request, principal: Principal) async throws -> InsuranceDashboard {
        let leads = try await InsuranceLead.query(on: req.db).inScope(\.$divisionCode, principal)
            .field(\.$id).field(\.$rule).field(\.$institutionCode).field(\.$status).field(\.$amountFen).field(\.$recoverFen).field(\.$createdAt)
            .all()
        let recoveries = try await InsuranceRecovery.query(on: req.db).inScope(\.$divisionCode, principal).all()
        let standing = try await PointsStanding.load(principal: principal, on: req.db)
        let institutions = try await InsuranceStore.institutions(on: req.db)
        let byRule = Dictionary(grouping: leads, by: \.rule)
        let rules = ScreeningRuleKind.allCases.map { kind in
            let rows = byRule[kind.rawValue] ?? []
            let confirmed = rows.filter { $0.status == "confirmed" }.count
            let dismissed = rows.filter { $0.status == "dismissed" }.count
            let reviewed = confirmed + dismissed
            return RuleRow(
                label: req.t("mi_rule_\(kind.rawValue)"), leads: rows.count, open: rows.count - reviewed, confirmed: confirmed,
                dismissed: dismissed, confirmedRate: reviewed == 0 ? "—" : "\(Int((Double(confirmed) * 100 / Double(reviewed)).rounded()))%",
                toRecover: ClaimMoney.yuan(rows.reduce(0) { $0 + Int($1.recoverFen ?? 0) }))
        }
        let byInstitution = Dictionary(grouping: leads, by: \.institutionCode).map { code, rows in
            InstitutionRow(
                name: institutions[code]?.name ?? code, leads: rows.count, amount: ClaimMoney.yuan(rows.reduce(0) { $0 + Int($1.amountFen) }))
        }.sorted { ($1.leads, $0.name) < ($0.leads, $1.name) }
        func points(_ rows: [PointsStanding.Row]) -> [PointsRow] {
            rows.prefix(15).map { row in
                PointsRow(
                    name: row.name, points: row.points, proposals: row.proposals.map { req.t("mi_action_\($0.rawValue)") }.joined(separator: "、"))
            }
        }
        var months: [String: (leads: Int, recovered: Int)] = [:]
        for lead in leads { months[Self.month(lead.createdAt), default: (0, 0)].leads += 1 }
        for recovery in recoveries { months[Self.month(recovery.recordedAt), default: (0, 0)].recovered += Int(recovery.amountFen) }
        return InsuranceDashboard(
            rules: rules, institutions: Array(byInstitution.prefix(20)), totalLeads: leads.count,
            toRecover: ClaimMoney.yuan(leads.reduce(0) { $0 + Int($1.recoverFen ?? 0) }),
            recovered: ClaimMoney.yuan(recoveries.reduce(0) { $0 + Int($1.amountFen) }),
            institutionPoints: points(standing.institutions), personPoints: points(standing.persons),
            months: months.sorted { $0.key > $1.key }.prefix(12).map {
                MonthRow(month: $0.key, leads: $0.value.leads, recovered: ClaimMoney.yuan($0.value.recovered))
            })
    }

    /// The Beijing-time month of `date`, `YYYY-MM`.
    static func month(_ date: Date) -> String {
        String(ISOTimestamp.format(date.addingTimeInterval(8 * 3600)).prefix(7))
    }
}
