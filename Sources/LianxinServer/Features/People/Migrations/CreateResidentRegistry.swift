import Fluent
import SQLKit
import LianxinCore

/// Buildings, households, residents, the tag catalogue (seeded with the glossary's tags) and grid staff.
struct CreateResidentRegistry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Building.schema)
            .id()
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required, .references(Division.schema, "code"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "grid_code", "name")
            .create()
        try await database.index(on: Building.schema, name: "buildings_community", columns: ["community_code", "name"])

        try await database.schema(Household.schema)
            .id()
            .field("building_id", .uuid, .required, .references(Building.schema, "id"))
            .field("door", .string, .required)
            .field("address", .string, .required)
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required)
            .field("head_resident_id", .uuid)
            .field("tags", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "building_id", "door")
            .create()
        try await database.index(on: Household.schema, name: "households_grid", columns: ["grid_code", "address", "id"])
        try await database.index(on: Household.schema, name: "households_community", columns: ["community_code", "address", "id"])

        try await database.schema(Resident.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id"))
            .field("building_id", .uuid, .required, .references(Building.schema, "id"))
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required)
            .field("name", .string, .required)
            .field("gender", .string, .required)
            .field("birth_date", .string, .required)
            .field("id_number_cipher", .data, .required)
            .field("id_number_index", .string, .required)
            .field("phone_cipher", .data)
            .field("phone_index", .string)
            .field("relation", .string, .required)
            .field("tags", .string, .required)
            .field("registration_division", .string)
            .field("residence_type", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "id_number_index")
            .create()
        try await database.index(on: Resident.schema, name: "residents_grid", columns: ["grid_code", "name", "id"])
        try await database.index(on: Resident.schema, name: "residents_community", columns: ["community_code", "name", "id"])
        try await database.index(on: Resident.schema, name: "residents_household", columns: ["household_id"])
        try await database.index(on: Resident.schema, name: "residents_building", columns: ["building_id"])
        try await database.index(on: Resident.schema, name: "residents_phone", columns: ["phone_index"])

        try await database.schema(ResidentTagRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("chinese_label", .string, .required)
            .field("english_label", .string, .required)
            .field("active", .bool, .required)
            .create()
        for tag in ResidentTag.defaults {
            let record = ResidentTagRecord()
            record.id = tag.id
            record.chineseLabel = tag.chineseLabel
            record.englishLabel = tag.englishLabel
            record.active = true
            try await record.create(on: database)
        }

        try await database.schema(GridStaffAssignment.schema)
            .id()
            .field("grid_code", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("role", .string, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_to", .datetime)
            .create()
        try await database.index(on: GridStaffAssignment.schema, name: "grid_staff_grid", columns: ["grid_code"])
        try await database.index(on: GridStaffAssignment.schema, name: "grid_staff_user", columns: ["user_id"])
        // 一网一员: at most one full-time member in force per grid, whatever writes the row.
        try await database.sql.raw(
            """
            CREATE UNIQUE INDEX grid_staff_one_full_time ON grid_staff (grid_code) WHERE role = 'fullTime' AND valid_to IS NULL
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GridStaffAssignment.schema).delete()
        try await database.schema(ResidentTagRecord.schema).delete()
        try await database.schema(Resident.schema).delete()
        try await database.schema(Household.schema).delete()
        try await database.schema(Building.schema).delete()
    }
}
