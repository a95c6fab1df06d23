import Fluent
import SQLKit

/// What a county keeps for a handling unit beside its code, name and division: short name, level,
/// parent unit, duty phone, accepted categories and the days it works; its liaisons in their own
/// table, each phone encrypted and bound to its row.
struct AddDepartmentUnitFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for field in ["short_name", "level", "duty_phone", "accepted_categories", "active_from", "active_to"] {
            try await database.schema(Department.schema).field(.string(field), .string).update()
        }
        try await database.schema(Department.schema).field("parent_id", .uuid).update()
        try await database.sql.raw(
            """
            UPDATE departments SET level = CASE length(division_code) WHEN 4 THEN 'city' WHEN 6 THEN 'county' \
            WHEN 9 THEN 'township' WHEN 12 THEN 'community' END
            """
        ).run()
        try await database.schema(DepartmentLiaison.schema)
            .id()
            .field("department_id", .uuid, .required, .references(Department.schema, "id"))
            .field("name", .string, .required)
            .field("phone_cipher", .data, .required)
            .field("sort_order", .int, .required)
            .create()
        try await database.index(on: DepartmentLiaison.schema, name: "department_liaisons_department", columns: ["department_id"])
        try await database.index(on: Department.schema, name: "departments_parent", columns: ["parent_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DepartmentLiaison.schema).delete()
        for field in ["parent_id", "active_to", "active_from", "accepted_categories", "duty_phone", "level", "short_name"] {
            try await database.schema(Department.schema).deleteField(.string(field)).update()
        }
    }
}
