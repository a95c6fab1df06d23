import Fluent

/// The medical-insurance supervision area (#22): registries, imported settlements and lines, reference
/// lists, rule settings, leads with their review, recoveries, point actions and the stations' ledger.
struct CreateMedicalInsuranceTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InsuranceInstitution.schema).id()
            .field("code", .string, .required).field("name", .string, .required).field("level", .string, .required)
            .field("division_code", .string, .required).field("agreement_status", .string, .required)
            .unique(on: "code").create()
        try await database.schema(InsurancePerson.schema).id()
            .field("code", .string, .required).field("name", .string, .required).field("institution_code", .string, .required)
            .field("division_code", .string, .required)
            .unique(on: "code").create()
        try await database.schema(InsuranceSettlement.schema).id()
            .field("settlement_id", .string, .required).field("institution_code", .string, .required)
            .field("division_code", .string, .required).field("patient_id_cipher", .data, .required)
            .field("patient_id_index", .string, .required).field("patient_sex", .string, .required)
            .field("patient_birth_date", .string, .required).field("visit_type", .string, .required)
            .field("admission_date", .string, .required).field("discharge_date", .string, .required)
            .field("primary_diagnosis", .string, .required).field("secondary_diagnoses", .string, .required)
            .field("total_fen", .int64, .required).field("fund_fen", .int64, .required).field("settled_at", .datetime, .required)
            .unique(on: "settlement_id").create()
        try await database.schema(InsuranceItem.schema).id()
            .field("settlement_id", .string, .required).field("line_no", .int, .required).field("item_code", .string, .required)
            .field("item_name", .string, .required).field("item_type", .string, .required).field("quantity", .double, .required)
            .field("unit_price_fen", .int64, .required).field("amount_fen", .int64, .required).field("days_supply", .int)
            .field("doctor_code", .string, .required).field("charged_at", .string, .required)
            .unique(on: "settlement_id", "line_no").create()
        try await database.schema(InsuranceReferenceItem.schema).id()
            .field("item_code", .string, .required).field("max_unit_price_fen", .int64).field("sex", .string)
            .unique(on: "item_code").create()
        try await database.schema(InsuranceRuleSetting.schema).id()
            .field("kind", .string, .required).field("enabled", .bool, .required).field("parameters", .string, .required)
            .field("institution_points", .int, .required).field("person_points", .int, .required)
            .unique(on: "kind").create()
        try await database.schema(InsuranceLead.schema).id()
            .field("lead_key", .string, .required).field("rule", .string, .required).field("settlement_id", .string)
            .field("institution_code", .string, .required).field("doctor_code", .string).field("division_code", .string, .required)
            .field("amount_fen", .int64, .required).field("evidence", .string, .required).field("status", .string, .required)
            .field("recover_fen", .int64).field("reason", .string).field("reviewed_by", .string).field("reviewed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "lead_key").create()
        try await database.schema(InsuranceRecovery.schema).id()
            .field("lead_id", .uuid, .required, .references(InsuranceLead.schema, "id")).field("division_code", .string, .required)
            .field("amount_fen", .int64, .required).field("note", .string, .required).field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required).create()
        try await database.schema(InsurancePointAction.schema).id()
            .field("subject", .string, .required).field("subject_code", .string, .required).field("division_code", .string, .required)
            .field("action", .string, .required).field("decision", .string, .required).field("points", .int, .required)
            .field("decided_by", .string, .required).field("decided_at", .datetime, .required)
            .unique(on: "subject", "subject_code", "action").create()
        try await database.schema(InsuranceStationService.schema).id()
            .field("institution_code", .string, .required).field("division_code", .string, .required)
            .field("service", .string, .required).field("note", .string, .required).field("given_by", .string, .required)
            .field("given_at", .datetime, .required).create()
        try await database.index(on: InsuranceSettlement.schema, name: "mi_settlements_patient", columns: ["patient_id_index"])
        try await database.index(on: InsuranceSettlement.schema, name: "mi_settlements_division", columns: ["division_code"])
        try await database.index(on: InsuranceLead.schema, name: "mi_leads_division_status", columns: ["division_code", "status"])
    }

    func revert(on database: any Database) async throws {
        for schema in [
            InsuranceStationService.schema, InsurancePointAction.schema, InsuranceRecovery.schema, InsuranceLead.schema,
            InsuranceRuleSetting.schema, InsuranceReferenceItem.schema, InsuranceItem.schema, InsuranceSettlement.schema,
            InsurancePerson.schema, InsuranceInstitution.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
