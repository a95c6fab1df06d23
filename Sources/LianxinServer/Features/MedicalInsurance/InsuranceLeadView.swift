import Vapor
import Fluent
import LianxinCore

/// What the leads' page and API show of a lead: its evidence in words, and its settlement with the
/// patient's ID masked (unmasked only with a reason, on record).
enum InsuranceLeadView {
    struct EvidenceLine: Encodable, Sendable {
        let name: String
        let label: String
        let value: String
    }

    static func evidence(_ lead: InsuranceLead, _ req: Request) -> [EvidenceLine] {
        let facts = (try? JSONDecoder().decode([Evidence].self, from: Data(lead.evidence.utf8))) ?? []
        return facts.map { fact in
            let value: String
            switch fact.name {
            case .itemSex, .patientSex: value = req.t("mi_sex_\(fact.value)")
            case .visitType: value = req.t("mi_visit_\(fact.value)")
            case .stationTask: value = req.t("mi_task_kind_\(fact.value)")
            case .checkItems: value = fact.value.split(separator: ";").map { req.t("mi_check_\($0)") }.joined(separator: "；")
            default: value = fact.value
            }
            return EvidenceLine(name: fact.name.rawValue, label: req.t("mi_evidence_\(fact.name.rawValue)"), value: value)
        }
    }

    /// A settlement in the caller's scope by its row id, or 404.
    static func settlement(_ raw: String?, for principal: Principal, on db: any Database) async throws -> InsuranceSettlement {
        guard let raw, let id = UUID(uuidString: raw),
            let row = try await InsuranceSettlement.query(on: db).filter(\.$id == id).inScope(\.$divisionCode, principal).first()
        else { throw Problem.notFound("settlement") }
        return row
    }

    static func masked(_ settlement: InsuranceSettlement, cipher: FieldCipher) throws -> String {
        PersonalDataMask.idNumber(try cipher.open(settlement.patientIDCipher, for: .insurancePatientID, row: try settlement.requireID()))
    }

    /// The full ID; the unmasking is on record before anything is decrypted for the caller.
    static func unmask(_ settlement: InsuranceSettlement, reason: String, _ req: Request) async throws -> String {
        let id = try settlement.requireID()
        try await req.auditDisclosure(.personalDataUnmasked, target: "mi-settlement:\(id)", recordDivision: settlement.divisionCode, detail: reason)
        return try req.lianxin.cipher.open(settlement.patientIDCipher, for: .insurancePatientID, row: id)
    }
}
