import Foundation
import Fluent
import LianxinCore

/// Reads what the rules need from the database: the rule set in force, the reference lists, and
/// settlements and lines as Core records (the patient is their blind index: rules only compare it).
enum InsuranceStore {
    static func rules(on db: any Database) async throws -> ScreeningRuleSet {
        let settings = try await InsuranceRuleSetting.query(on: db).all()
        var set = ScreeningRuleSet.standard
        set.rules = set.rules.map { rule in
            guard let row = settings.first(where: { $0.kind == rule.kind.rawValue }) else { return rule }
            let parameters = (try? JSONDecoder().decode([String: Double].self, from: Data(row.parameters.utf8))) ?? [:]
            return ScreeningRule(
                kind: rule.kind, enabled: row.enabled, parameters: parameters, institutionPoints: row.institutionPoints,
                personPoints: row.personPoints)
        }
        return set
    }

    /// The points thresholds in force: the stored ones, the standard scale for any not stored.
    static func policy(on db: any Database) async throws -> PointsPolicy {
        let rows = try await InsurancePointsThreshold.query(on: db).all()
        func list(_ subject: PointsPolicy.Subject) -> [PointsPolicy.Threshold] {
            let standard = PointsPolicy.standard.thresholds(subject)
            return PointsPolicy.Action.allCases.map { action in
                let stored = rows.first { $0.subject == subject.rawValue && $0.action == action.rawValue }
                return PointsPolicy.Threshold(points: stored?.points ?? standard[action] ?? 0, action: action)
            }
        }
        return PointsPolicy(institution: list(.institution), person: list(.person))
    }

    /// The price ceilings and sex-specific items, all or only for `codes`.
    static func references(for codes: Set<String>? = nil, on db: any Database) async throws -> ClaimReferences {
        let query = InsuranceReferenceItem.query(on: db)
        if let codes { query.filter(\.$itemCode ~~ codes) }
        var references = ClaimReferences()
        for row in try await query.all() {
            if let price = row.maxUnitPriceFen { references.maxUnitPriceFen[row.itemCode] = Int(price) }
            if let sex = row.sex.flatMap(ClaimSex.init(rawValue:)) { references.itemSex[row.itemCode] = sex }
        }
        return references
    }

    static func record(_ row: InsuranceSettlement) -> Settlement? {
        guard let sex = ClaimSex(rawValue: row.patientSex), let birth = ClaimDay(row.patientBirthDate),
            let visit = VisitType(rawValue: row.visitType), let admission = ClaimDay(row.admissionDate),
            let discharge = ClaimDay(row.dischargeDate)
        else { return nil }
        return Settlement(
            id: row.settlementID, institutionCode: row.institutionCode, patientKey: row.patientIDIndex, sex: sex, birthDate: birth,
            visitType: visit, admissionDate: admission, dischargeDate: discharge, primaryDiagnosis: row.primaryDiagnosis,
            secondaryDiagnoses: row.secondaryDiagnoses.split(separator: ";").map(String.init), totalFen: Int(row.totalFen),
            fundFen: Int(row.fundFen), settledAt: row.settledAt)
    }

    static func record(_ row: InsuranceItem) -> SettlementItem? {
        guard let type = ClaimItemType(rawValue: row.itemType), let day = ClaimDay(row.chargedAt) else { return nil }
        return SettlementItem(
            settlementID: row.settlementID, lineNo: row.lineNo, itemCode: row.itemCode, itemName: row.itemName, itemType: type,
            quantity: row.quantity, unitPriceFen: Int(row.unitPriceFen), amountFen: Int(row.amountFen), daysSupply: row.daysSupply,
            doctorCode: row.doctorCode, chargedAt: day)
    }

    /// The institutions by code.
    static func institutions(on db: any Database) async throws -> [String: InsuranceInstitution] {
        Dictionary(try await InsuranceInstitution.query(on: db).all().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
