import Vapor
import Fluent
import LianxinCore

/// `/medical-insurance`: the dashboard (supervision roles and leaders), and for the fund's
/// supervisors the leads queue (人工复核), one lead with its evidence, review, recoveries and the
/// patient's ID unmasked with a reason, and screening on demand.
struct InsurancePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("medical-insurance")
        pages.get(use: dashboard)
        pages.get("leads", use: leads)
        pages.post("screen", use: screen)
        pages.get("leads", ":id", use: lead)
        pages.post("leads", ":id", "review", use: review)
        pages.post("leads", ":id", "recoveries", use: recover)
        pages.post("leads", ":id", "unmask", use: unmask)
    }

    struct DashboardModel: Encodable, Sendable {
        let figures: InsuranceDashboard
        let canReview: Bool
    }

    func dashboard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewMedicalInsurance)
        let model = DashboardModel(
            figures: try await InsuranceDashboard.load(req, principal: principal), canReview: principal.role.can(.superviseMedicalInsurance))
        return try await req.page("medical-insurance/dashboard", title: "mi_title", model: model)
    }

    struct LeadRow: Encodable, Sendable {
        let id: String
        let rule: String
        let institution: String
        let settlement: String
        let amount: String
        let status: String
    }

    struct LeadsModel: Encodable, Sendable {
        let rows: [LeadRow]
        let statuses: [SelectOption]
        let rules: [SelectOption]
        let notice: String
    }

    func leads(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let status = req.query[String.self, at: "status"] ?? "open"
        let rule = req.query[String.self, at: "rule"] ?? ""
        let query = InsuranceLead.query(on: req.db).inScope(\.$divisionCode, principal)
        if status != "all" { query.filter(\.$status == status) }
        if !rule.isEmpty { query.filter(\.$rule == rule) }
        let rows = try await query.sort(\.$amountFen, .descending).sort(\.$leadKey).limit(200).all()
        let institutions = try await InsuranceStore.institutions(on: req.db)
        let model = LeadsModel(
            rows: try rows.map { row in
                LeadRow(
                    id: try row.requireID().uuidString, rule: req.t("mi_rule_\(row.rule)"),
                    institution: institutions[row.institutionCode]?.name ?? row.institutionCode, settlement: row.settlementID ?? "",
                    amount: ClaimMoney.yuan(Int(row.amountFen)), status: req.t("mi_status_\(row.status)"))
            },
            statuses: ["open", "confirmed", "dismissed", "all"].map {
                SelectOption(value: $0, label: req.t("mi_status_\($0)"), selected: $0 == status)
            },
            rules: ScreeningRuleKind.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("mi_rule_\($0.rawValue)"), selected: $0.rawValue == rule)
            },
            notice: req.query[String.self, at: "screened"].map { req.t("mi_screened").replacingOccurrences(of: "{count}", with: $0) } ?? "")
        return try await req.page("medical-insurance/leads", title: "mi_leads_title", model: model)
    }

    func screen(req: Request) async throws -> Response {
        _ = try await req.require(.superviseMedicalInsurance)
        let report = try await req.lianxin.writes.run { try await ScreeningService(database: req.db, now: req.lianxin.now()).run() }
        return req.redirect(to: "/medical-insurance/leads?screened=\(report.added)")
    }

    func lead(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let lead = try await LeadReview.find(req.parameters.get("id"), for: principal, on: req.db)
        return try await InsuranceLeadPage.render(req, lead: lead, unmasked: nil)
    }

    func review(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let lead = try await LeadReview.find(req.parameters.get("id"), for: principal, on: req.db)
        let values = try req.content.decode([String: String].self)
        do {
            try await LeadReview(request: req, principal: principal).review(
                lead, decision: values["decision"], amount: values["amount"], reason: values["reason"])
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/medical-insurance/leads/\(try lead.requireID())", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/leads/\(try lead.requireID())")
    }

    func recover(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let lead = try await LeadReview.find(req.parameters.get("id"), for: principal, on: req.db)
        let values = try req.content.decode([String: String].self)
        do {
            try await LeadReview(request: req, principal: principal).recordRecovery(lead, amount: values["amount"], note: values["note"])
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/medical-insurance/leads/\(try lead.requireID())", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/leads/\(try lead.requireID())")
    }

    func unmask(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let lead = try await LeadReview.find(req.parameters.get("id"), for: principal, on: req.db)
        let values = try req.content.decode([String: String].self)
        guard let settlementID = lead.settlementID,
            let settlement = try await InsuranceSettlement.query(on: req.db).filter(\.$settlementID == settlementID)
                .inScope(\.$divisionCode, principal).first()
        else { throw Problem.notFound("settlement") }
        do {
            let reason = try UnmaskReason.checked(values["reason"])
            let full = try await InsuranceLeadView.unmask(settlement, reason: reason, req)
            return try await InsuranceLeadPage.render(req, lead: lead, unmasked: full)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/medical-insurance/leads/\(try lead.requireID())", problem: problem)
        }
    }
}
