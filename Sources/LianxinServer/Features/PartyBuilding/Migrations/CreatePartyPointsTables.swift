import Fluent

/// The party-member points system (#24, 党员积分制): branches, members, posts and claims, rules, schemes and the
/// ledger of entries; households' conduct items and awards (以评弘德).
struct CreatePartyPointsTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartyBranch.schema).id()
            .field("name", .string, .required).field("division_code", .string, .required).field("secretary_name", .string, .required)
            .field("created_at", .datetime, .required).unique(on: "division_code", "name").create()
        try await database.schema(PartyMember.schema).id()
            .field("branch_id", .uuid, .required, .references(PartyBranch.schema, "id")).field("name", .string, .required)
            .field("kind", .string, .required).field("division_code", .string, .required).field("created_at", .datetime, .required).create()
        try await database.schema(PartyPost.schema).id()
            .field("division_code", .string, .required).field("name", .string, .required).field("duty", .string, .required)
            .field("created_at", .datetime, .required).unique(on: "division_code", "name").create()
        try await database.schema(PartyPostClaim.schema).id()
            .field("member_id", .uuid, .required, .references(PartyMember.schema, "id"))
            .field("post_id", .uuid, .required, .references(PartyPost.schema, "id")).field("year", .int, .required)
            .field("division_code", .string, .required).field("claimed_at", .datetime, .required)
            .unique(on: "member_id", "post_id", "year").create()
        try await database.schema(PartyPointsRuleRecord.schema).id()
            .field("division_code", .string, .required).field("dimension", .string, .required).field("label", .string, .required)
            .field("points", .int, .required).field("yearly_cap", .int, .required).field("created_at", .datetime, .required).create()
        try await database.schema(PartyPointsSchemeRecord.schema).field("division_code", .string, .identifier(auto: false))
            .field("base_points", .int, .required).field("dimension_cap", .int, .required).field("thresholds", .string, .required)
            .field("updated_at", .datetime, .required).create()
        try await database.schema(PartyPointsEntry.schema).id()
            .field("member_id", .uuid, .required, .references(PartyMember.schema, "id"))
            .field("branch_id", .uuid, .required, .references(PartyBranch.schema, "id")).field("division_code", .string, .required)
            .field("rule_id", .uuid, .required, .references(PartyPointsRuleRecord.schema, "id")).field("dimension", .string, .required)
            .field("points", .int, .required).field("occurred_on", .string, .required).field("year", .int, .required)
            .field("evidence", .string, .required).field("status", .string, .required).field("submitted_by", .string, .required)
            .field("submitted_at", .datetime, .required).field("decided_by", .string).field("decided_at", .datetime)
            .field("decision_note", .string).create()
        try await database.schema(ConductItem.schema).id()
            .field("division_code", .string, .required).field("label", .string, .required).field("points", .int, .required)
            .field("created_at", .datetime, .required).create()
        try await database.schema(ConductAward.schema).id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id"))
            .field("item_id", .uuid, .required, .references(ConductItem.schema, "id")).field("division_code", .string, .required)
            .field("points", .int, .required).field("occurred_on", .string, .required).field("evidence", .string, .required)
            .field("recorded_by", .string, .required).field("recorded_at", .datetime, .required).create()
        try await database.index(on: ConductAward.schema, name: "party_conduct_household", columns: ["household_id"])
        try await database.index(on: PartyMember.schema, name: "party_members_branch", columns: ["branch_id"])
        try await database.index(on: PartyPointsEntry.schema, name: "party_entries_member_year", columns: ["member_id", "year"])
        try await database.index(on: PartyPointsEntry.schema, name: "party_entries_division_status", columns: ["division_code", "status"])
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ConductAward.schema, ConductItem.schema, PartyPointsEntry.schema, PartyPointsSchemeRecord.schema, PartyPointsRuleRecord.schema,
            PartyPostClaim.schema,
            PartyPost.schema, PartyMember.schema, PartyBranch.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
