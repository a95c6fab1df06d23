import Fluent
import SQLKit

/// The dispatch catalogue (派单目录): keywords, aliases, department roles per level, tier, public or
/// internal and the days a category is offered, on the category; every version of a category in its
/// own table; the role → unit mapping per division; and the category version an order was filed with.
struct AddCatalogueFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for field in ["keywords", "aliases", "roles", "tier", "active_from", "active_to"] {
            try await database.schema(Category.schema).field(.string(field), .string).update()
        }
        try await database.schema(Category.schema).field("is_public", .bool).update()
        try await database.schema(Category.schema).field("version", .int).update()
        try await database.schema(WorkOrder.schema).field("category_version", .int).update()
        try await database.schema(CategoryVersion.schema)
            .id()
            .field("category_code", .string, .required)
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("parent_code", .string)
            .field("definition", .string, .required)
            .field("change", .string, .required)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "category_code", "version")
            .create()
        try await database.schema(DivisionRole.schema)
            .id()
            .field("division_code", .string, .required)
            .field("role", .string, .required)
            .field("department_code", .string, .required)
            .unique(on: "division_code", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DivisionRole.schema).delete()
        try await database.schema(CategoryVersion.schema).delete()
        try await database.schema(WorkOrder.schema).deleteField("category_version").update()
        for field in ["version", "is_public", "active_to", "active_from", "tier", "roles", "aliases", "keywords"] {
            try await database.schema(Category.schema).deleteField(.string(field)).update()
        }
    }
}
