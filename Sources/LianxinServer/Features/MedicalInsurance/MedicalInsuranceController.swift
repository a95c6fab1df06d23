import Vapor
import Fluent
import LianxinCore

/// `/api/v1/medical-insurance/…`: the pre-audit (事前审核), screening on demand, the leads of the
/// caller's division, a patient ID unmasked with a reason (audited), and the stations' service ledger.
struct MedicalInsuranceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "medical-insurance")
        api.post("pre-audit", use: { try await PreAudit.check($0) })
        api.post("screenings", use: screen)
        api.get("leads", use: leads)
        api.post("settlements", ":id", "unmask", use: unmask)
        api.post("station-services", use: recordService)
    }

    func screen(req: Request) async throws -> ScreeningService.Report {
        _ = try await req.require(.superviseMedicalInsurance)
        return try await req.lianxin.writes.run { try await ScreeningService(database: req.db, now: req.lianxin.now()).run() }
    }

    struct LeadDTO: Content {
        var id: UUID
        var rule: String
        var title: String
        var settlementID: String?
        var institutionCode: String
        var doctorCode: String?
        var amount: String
        var status: String
        var recover: String?
        var evidence: [PreAudit.EvidenceLine]
    }

    func leads(req: Request) async throws -> [LeadDTO] {
        let principal = try await req.require(.superviseMedicalInsurance)
        let query = InsuranceLead.query(on: req.db).inScope(\.$divisionCode, principal)
        if let status = req.query[String.self, at: "status"] { query.filter(\.$status == status) }
        if let rule = req.query[String.self, at: "rule"] { query.filter(\.$rule == rule) }
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 100, 1), 500)
        return try await query.sort(\.$createdAt, .descending).sort(\.$leadKey).limit(limit).all().map { row in
            LeadDTO(
                id: try row.requireID(), rule: row.rule, title: req.t("mi_rule_\(row.rule)"), settlementID: row.settlementID,
                institutionCode: row.institutionCode, doctorCode: row.doctorCode, amount: ClaimMoney.yuan(Int(row.amountFen)),
                status: row.status, recover: row.recoverFen.map { ClaimMoney.yuan(Int($0)) },
                evidence: InsuranceLeadView.evidence(row, req).map { PreAudit.EvidenceLine(name: $0.name, label: $0.label, value: $0.value) })
        }
    }

    struct UnmaskInput: Content { var reason: String? }
    struct Unmasked: Content { var patientID: String }

    func unmask(req: Request) async throws -> Unmasked {
        let principal = try await req.require(.superviseMedicalInsurance)
        let settlement = try await InsuranceLeadView.settlement(req.parameters.get("id"), for: principal, on: req.db)
        let reason = try UnmaskReason.checked(try req.content.decode(UnmaskInput.self).reason)
        return Unmasked(patientID: try await InsuranceLeadView.unmask(settlement, reason: reason, req))
    }

    struct ServiceDTO: Content {
        var id: UUID
        var service: String
        var title: String
        var givenAt: Date
    }

    /// A service given at a station, recorded in the ledger (the station's workers and the fund supervisors).
    func recordService(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let input = try req.content.decode(StationLedger.Input.self)
        let row = try await StationLedger(req: req, principal: principal).record(input)
        let dto = ServiceDTO(id: try row.requireID(), service: row.service, title: req.t("mi_service_\(row.service)"), givenAt: row.givenAt)
        return try await dto.encodeResponse(status: .created, for: req)
    }
}
