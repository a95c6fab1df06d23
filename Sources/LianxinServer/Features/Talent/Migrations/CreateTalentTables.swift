import Fluent

/// The talent-sharing area (#23): organisations and their contacts, profiles and who viewed them,
/// demands, supplies, agreements and their events.
struct CreateTalentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TalentOrganisation.schema).id()
            .field("name", .string, .required).field("kind", .string, .required).field("shares", .bool, .required)
            .field("demands", .bool, .required).field("division_code", .string, .required).field("contact_name", .string, .required)
            .field("contact_phone_cipher", .data).unique(on: "name").create()
        try await database.schema(TalentOrganisationMember.schema).id()
            .field("org_id", .uuid, .required, .references(TalentOrganisation.schema, "id")).field("username", .string, .required)
            .unique(on: "username").create()
        try await database.schema(TalentProfile.schema).id()
            .field("name", .string, .required).field("pool", .string, .required)
            .field("home_org_id", .uuid, .references(TalentOrganisation.schema, "id")).field("division_code", .string, .required)
            .field("phone_cipher", .data).field("id_number_cipher", .data).field("skills", .string, .required)
            .field("certificates", .string, .required).field("experience_years", .int, .required).field("experience", .string, .required)
            .field("availability", .string, .required).field("modes", .string, .required).field("lat", .double).field("lon", .double)
            .field("consented", .bool, .required).field("own_token_hash", .string, .required).field("created_at", .datetime, .required)
            .create()
        try await database.schema(TalentProfileView.schema).id()
            .field("profile_id", .uuid, .required, .references(TalentProfile.schema, "id")).field("viewer", .string, .required)
            .field("viewer_org", .string, .required).field("viewed_at", .datetime, .required).create()
        try await database.schema(TalentDemand.schema).id()
            .field("org_id", .uuid, .references(TalentOrganisation.schema, "id")).field("org_name", .string, .required)
            .field("division_code", .string, .required).field("post", .string, .required).field("skills", .string, .required)
            .field("certificates", .string, .required).field("mode", .string, .required).field("starts_on", .string, .required)
            .field("ends_on", .string, .required).field("headcount", .int, .required).field("place", .string, .required)
            .field("pay_terms", .string, .required).field("contact_name", .string).field("contact_phone_cipher", .data)
            .field("status", .string, .required).field("review_note", .string)
            .field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.schema(TalentAgreementRow.schema).id()
            .field("demand_id", .uuid, .references(TalentDemand.schema, "id"))
            .field("profile_id", .uuid, .references(TalentProfile.schema, "id"))
            .field("demand_org_id", .uuid, .required, .references(TalentOrganisation.schema, "id"))
            .field("home_org_id", .uuid, .references(TalentOrganisation.schema, "id")).field("division_code", .string, .required)
            .field("mode", .string, .required).field("starts_on", .string, .required).field("ends_on", .string, .required)
            .field("deliverables", .string, .required).field("term_months", .int).field("terms", .string, .required)
            .field("status", .string, .required).field("required", .string, .required).field("approvals", .string, .required)
            .field("evaluations", .string, .required).field("created_by", .string, .required).field("created_at", .datetime, .required)
            .create()
        try await database.schema(TalentAgreementEvent.schema).id()
            .field("agreement_id", .uuid, .required, .references(TalentAgreementRow.schema, "id")).field("action", .string, .required)
            .field("party", .string).field("actor", .string, .required).field("score", .int).field("note", .string, .required)
            .field("at", .datetime, .required).create()
        try await database.schema(TalentSupply.schema).id()
            .field("org_id", .uuid, .required, .references(TalentOrganisation.schema, "id")).field("division_code", .string, .required)
            .field("skills", .string, .required).field("headcount", .int, .required).field("profile_ids", .string, .required)
            .field("modes", .string, .required).field("starts_on", .string, .required).field("ends_on", .string, .required)
            .field("note", .string, .required).field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.index(on: TalentProfile.schema, name: "talent_profiles_division", columns: ["division_code"])
        try await database.index(on: TalentDemand.schema, name: "talent_demands_status", columns: ["division_code", "status"])
        try await database.index(on: TalentProfileView.schema, name: "talent_views_profile", columns: ["profile_id"])
        try await database.index(on: TalentAgreementEvent.schema, name: "talent_events_agreement", columns: ["agreement_id"])
    }

    func revert(on database: any Database) async throws {
        for schema in [
            TalentSupply.schema, TalentAgreementEvent.schema, TalentAgreementRow.schema, TalentDemand.schema, TalentProfileView.schema,
            TalentProfile.schema,
            TalentOrganisationMember.schema, TalentOrganisation.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
