import Foundation
import Fluent

/// A designated institution (定点医药机构) under agreement with the fund.
final class InsuranceInstitution: Model, @unchecked Sendable {
    static let schema = "mi_institutions"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// 一级, 二级, 三级 or 未定级, as the agreement states it.
    @Field(key: "level") var level: String
    @Field(key: "division_code") var divisionCode: String
    /// `active`, `suspended` (暂停结算) or `terminated` (解除协议).
    @Field(key: "agreement_status") var agreementStatus: String

    init() {}
}

/// A responsible person (医保医师/药师) of an institution, who is scored for confirmed violations.
final class InsurancePerson: Model, @unchecked Sendable {
    static let schema = "mi_persons"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "institution_code") var institutionCode: String
    @Field(key: "division_code") var divisionCode: String

    init() {}
}

/// A settled visit as imported; the patient's ID number is sealed and found by its blind index.
final class InsuranceSettlement: Model, @unchecked Sendable {
    static let schema = "mi_settlements"

    @ID(key: .id) var id: UUID?
    @Field(key: "settlement_id") var settlementID: String
    @Field(key: "institution_code") var institutionCode: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "patient_id_cipher") var patientIDCipher: Data
    @Field(key: "patient_id_index") var patientIDIndex: String
    @Field(key: "patient_sex") var patientSex: String
    @Field(key: "patient_birth_date") var patientBirthDate: String
    @Field(key: "visit_type") var visitType: String
    @Field(key: "admission_date") var admissionDate: String
    @Field(key: "discharge_date") var dischargeDate: String
    @Field(key: "primary_diagnosis") var primaryDiagnosis: String
    @Field(key: "secondary_diagnoses") var secondaryDiagnoses: String
    @Field(key: "total_fen") var totalFen: Int64
    @Field(key: "fund_fen") var fundFen: Int64
    @Field(key: "settled_at") var settledAt: Date

    init() {}
}

/// A charged line of a settlement.
final class InsuranceItem: Model, @unchecked Sendable {
    static let schema = "mi_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "settlement_id") var settlementID: String
    @Field(key: "line_no") var lineNo: Int
    @Field(key: "item_code") var itemCode: String
    @Field(key: "item_name") var itemName: String
    @Field(key: "item_type") var itemType: String
    @Field(key: "quantity") var quantity: Double
    @Field(key: "unit_price_fen") var unitPriceFen: Int64
    @Field(key: "amount_fen") var amountFen: Int64
    @OptionalField(key: "days_supply") var daysSupply: Int?
    @Field(key: "doctor_code") var doctorCode: String
    @Field(key: "charged_at") var chargedAt: String

    init() {}
}

/// The price list (`prices.csv`) and the sex-specific items (`sex_items.csv`), one row per item code.
final class InsuranceReferenceItem: Model, @unchecked Sendable {
    static let schema = "mi_reference_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_code") var itemCode: String
    @OptionalField(key: "max_unit_price_fen") var maxUnitPriceFen: Int64?
    /// `1` male or `2` female, when the item is for one sex only.
    @OptionalField(key: "sex") var sex: String?

    init() {}
}

/// A screening rule as configured (enabled, parameters as JSON, points); absent rows mean the standard rule.
final class InsuranceRuleSetting: Model, @unchecked Sendable {
    static let schema = "mi_rule_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "enabled") var enabled: Bool
    @Field(key: "parameters") var parameters: String
    @Field(key: "institution_points") var institutionPoints: Int
    @Field(key: "person_points") var personPoints: Int

    init() {}
}

/// A lead (疑点) raised by screening, and its review (人工复核).
final class InsuranceLead: Model, @unchecked Sendable {
    static let schema = "mi_leads"

    @ID(key: .id) var id: UUID?
    /// `Lead.key`: screening the same data again adds no second lead.
    @Field(key: "lead_key") var leadKey: String
    @Field(key: "rule") var rule: String
    @OptionalField(key: "settlement_id") var settlementID: String?
    @Field(key: "institution_code") var institutionCode: String
    @OptionalField(key: "doctor_code") var doctorCode: String?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "amount_fen") var amountFen: Int64
    /// The evidence, `[Evidence]` as JSON; read only by supervision roles.
    @Field(key: "evidence") var evidence: String
    /// `open`, `confirmed` or `dismissed`.
    @Field(key: "status") var status: String
    @OptionalField(key: "recover_fen") var recoverFen: Int64?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One amount recovered for a confirmed lead (挽回损失).
final class InsuranceRecovery: Model, @unchecked Sendable {
    static let schema = "mi_recoveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "lead_id") var leadID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// An action a points threshold proposed that a person confirmed or declined (记分管理).
final class InsurancePointAction: Model, @unchecked Sendable {
    static let schema = "mi_point_actions"

    @ID(key: .id) var id: UUID?
    /// `institution` or `person`.
    @Field(key: "subject") var subject: String
    @Field(key: "subject_code") var subjectCode: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "action") var action: String
    /// `confirmed` or `declined`.
    @Field(key: "decision") var decision: String
    @Field(key: "points") var points: Int
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
}

/// A service a hospital station gave a patient (帮办代办), from the 14-service catalogue.
final class InsuranceStationService: Model, @unchecked Sendable {
    static let schema = "mi_station_services"

    @ID(key: .id) var id: UUID?
    @Field(key: "institution_code") var institutionCode: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "service") var service: String
    @Field(key: "note") var note: String
    @Field(key: "given_by") var givenBy: String
    @Field(key: "given_at") var givenAt: Date

    init() {}
}

/// A points threshold (记分管理) as configured: at `points` the `action` is proposed for the `subject`; absent rows
/// mean the standard scale (`PointsPolicy.standard`).
final class InsurancePointsThreshold: Model, @unchecked Sendable {
    static let schema = "mi_points_thresholds"

    @ID(key: .id) var id: UUID?
    /// `institution` or `person`.
    @Field(key: "subject") var subject: String
    @Field(key: "action") var action: String
    @Field(key: "points") var points: Int

    init() {}
}
