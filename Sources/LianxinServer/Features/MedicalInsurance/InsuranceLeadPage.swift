import Vapor
import Fluent
import LianxinCore

/// One lead as its page shows it: the rule, the evidence in words, the settlement (patient masked
/// unless just unmasked), its review and the recoveries recorded.
enum InsuranceLeadPage {
    struct RecoveryRow: Encodable, Sendable {
        let amount: String
        let note: String
        let by: String
        let at: String
    }

    struct Model: Encodable, Sendable {
        let id: String
        let rule: String
        let institution: String
        let doctor: String
        let amount: String
        let status: String
        let open: Bool
        let confirmed: Bool
        let recover: String
        let reason: String
        let reviewedBy: String
        let reviewedAt: String
        let evidence: [InsuranceLeadView.EvidenceLine]
        let hasSettlement: Bool
        let settlementID: String
        let patient: String
        let unmasked: Bool
        let visit: String
        let stay: String
        let diagnosis: String
        let total: String
        let fund: String
        let recoveries: [RecoveryRow]
    }

    static func render(_ req: Request, lead: InsuranceLead, unmasked: String?) async throws -> Response {
        let institution = try await InsuranceInstitution.query(on: req.db).filter(\.$code == lead.institutionCode).first()
        var doctor: InsurancePerson?
        if let code = lead.doctorCode { doctor = try await InsurancePerson.query(on: req.db).filter(\.$code == code).first() }
        var settlement: InsuranceSettlement?
        if let id = lead.settlementID {
            settlement = try await InsuranceSettlement.query(on: req.db).filter(\.$settlementID == id).filter(\.$divisionCode == lead.divisionCode)
                .first()
        }
        let recoveries = try await InsuranceRecovery.query(on: req.db).filter(\.$leadID == lead.requireID()).sort(\.$recordedAt).all()
        let model = Model(
            id: try lead.requireID().uuidString, rule: req.t("mi_rule_\(lead.rule)"), institution: institution?.name ?? lead.institutionCode,
            doctor: lead.doctorCode.map { code in doctor.map { "\($0.name)（\(code)）" } ?? code } ?? "",
            amount: ClaimMoney.yuan(Int(lead.amountFen)), status: req.t("mi_status_\(lead.status)"), open: lead.status == "open",
            confirmed: lead.status == "confirmed", recover: lead.recoverFen.map { ClaimMoney.yuan(Int($0)) } ?? "", reason: lead.reason ?? "",
            reviewedBy: lead.reviewedBy ?? "", reviewedAt: lead.reviewedAt.map(WorkbenchLookup.beijing) ?? "",
            evidence: InsuranceLeadView.evidence(lead, req), hasSettlement: settlement != nil, settlementID: lead.settlementID ?? "",
            patient: try unmasked ?? settlement.map { try InsuranceLeadView.masked($0, cipher: req.lianxin.cipher) } ?? "",
            unmasked: unmasked != nil, visit: settlement.map { req.t("mi_visit_\($0.visitType)") } ?? "",
            stay: settlement.map { $0.admissionDate == $0.dischargeDate ? $0.admissionDate : "\($0.admissionDate) – \($0.dischargeDate)" } ?? "",
            diagnosis: settlement.map {
                ([$0.primaryDiagnosis] + ($0.secondaryDiagnoses.isEmpty ? [] : [$0.secondaryDiagnoses])).joined(separator: "；")
            } ?? "",
            total: settlement.map { ClaimMoney.yuan(Int($0.totalFen)) } ?? "", fund: settlement.map { ClaimMoney.yuan(Int($0.fundFen)) } ?? "",
            recoveries: recoveries.map {
                RecoveryRow(amount: ClaimMoney.yuan(Int($0.amountFen)), note: $0.note, by: $0.recordedBy, at: WorkbenchLookup.beijing($0.recordedAt))
            })
        return try await req.page("medical-insurance/lead", title: "mi_lead_title", model: model)
    }
}
