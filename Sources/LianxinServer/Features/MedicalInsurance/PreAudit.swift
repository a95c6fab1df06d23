import Vapor
import Fluent
import LianxinCore

/// 事前审核: one settlement checked before it is settled. The body carries the settlement and its
/// lines with the published column names (values as text or numbers), read by the same checks as
/// the files; the answer lists the warnings the rules raise and how long the check took.
enum PreAudit {
    /// A JSON value read as the text a CSV cell would hold.
    struct Cell: Decodable, Sendable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let string = try? container.decode(String.self) {
                text = string
            } else if let number = try? container.decode(Int.self) {
                text = String(number)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected text or a number")
            }
        }
    }

    struct Input: Decodable, Sendable {
        var settlement: [String: Cell]?
        var items: [[String: Cell]]?
    }

    struct Warning: Content {
        var rule: String
        var title: String
        var amount: String
        var evidence: [EvidenceLine]
    }

    struct EvidenceLine: Content {
        var name: String
        var label: String
        var value: String
    }

    struct Answer: Content {
        var settlementID: String
        var warnings: [Warning]
        var checkedInMilliseconds: Double
    }

    static func check(_ req: Request) async throws -> Answer {
        let principal = try await req.require(.superviseMedicalInsurance)
        let started = DispatchTime.now().uptimeNanoseconds
        let input: Input
        do { input = try req.content.decode(Input.self) } catch {
            throw Problem.invalid(field: "/settlement", InputValidator(req).message("mi_preaudit_body"))
        }
        let texts = InputValidator(req)
        guard let fields = input.settlement else { throw Problem.invalid(field: "/settlement", texts.message("mi_preaudit_body")) }
        var settlementFields = fields.mapValues(\.text)
        if (settlementFields["settled_at"] ?? "").isEmpty { settlementFields["settled_at"] = ISOTimestamp.format(req.lianxin.now()) }
        let settlementTable = CSVTable(
            header: ClaimCSV.settlementColumns, rows: [(line: 0, fields: ClaimCSV.settlementColumns.map { settlementFields[$0] ?? "" })])
        let lines = input.items ?? []
        guard lines.count <= 2_000 else { throw Problem.invalid(field: "/items", texts.message("mi_preaudit_too_many")) }
        let itemTable = CSVTable(
            header: ClaimCSV.itemColumns,
            rows: lines.enumerated().map { index, line in (line: index, fields: ClaimCSV.itemColumns.map { line[$0]?.text ?? "" }) })
        let settlement = ClaimCSV.settlements(settlementTable, now: req.lianxin.now())
        let items = ClaimCSV.items(itemTable)
        var validator = InputValidator(req)
        for problem in settlement.problems {
            validator.fail("/settlement/\(problem.column)", key: "mi_csv_\(problem.reason.rawValue)", ["column": problem.column])
        }
        for problem in items.problems {
            validator.fail("/items/\(problem.line)/\(problem.column)", key: "mi_csv_\(problem.reason.rawValue)", ["column": problem.column])
        }
        guard let row = settlement.records.first else {
            try validator.finish()
            throw Problem.invalid(field: "/settlement", texts.message("mi_preaudit_body"))
        }
        for (index, item) in items.records.enumerated() where item.settlementID != row.settlement.id {
            validator.fail("/items/\(items.lines[index])/settlement_id", key: "mi_csv_unknownSettlement", ["column": "settlement_id"])
        }
        let institution = try await InsuranceInstitution.query(on: req.db).filter(\.$code == row.settlement.institutionCode)
            .inScope(\.$divisionCode, principal).first()
        if institution == nil { validator.fail("/settlement/institution_code", key: "mi_csv_unknownInstitution", ["column": "institution_code"]) }
        try validator.finish()

        var record = row.settlement
        record.patientKey = req.lianxin.cipher.blindIndex(row.patientID)
        async let rules = InsuranceStore.rules(on: req.db)
        async let references = InsuranceStore.references(for: Set(items.records.map(\.itemCode)), on: req.db)
        async let history = InsuranceSettlement.query(on: req.db).filter(\.$patientIDIndex == record.patientKey)
            .filter(\.$institutionCode == record.institutionCode).filter(\.$visitType == VisitType.inpatient.rawValue).all()
        let screener = Screener(rules: try await rules, references: try await references)
        let leads = screener.preAudit(record, items: items.records, history: try await history.compactMap(InsuranceStore.record))
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        return Answer(
            settlementID: record.id, warnings: leads.map { warning($0, req) }, checkedInMilliseconds: (elapsed * 100).rounded() / 100)
    }

    static func warning(_ lead: Lead, _ req: Request) -> Warning {
        Warning(
            rule: lead.rule.rawValue, title: req.t("mi_rule_\(lead.rule.rawValue)"), amount: ClaimMoney.yuan(lead.amountFen),
            evidence: lead.evidence.map { EvidenceLine(name: $0.name.rawValue, label: req.t("mi_evidence_\($0.name.rawValue)"), value: $0.value) })
    }
}
