import Fluent
import SQLKit

struct CreateCategoryAndRouting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Category.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("parent_code", .string)
            .field("default_department_code", .string)
            .field("sla_policy_code", .string, .required)
            .field("active", .bool, .required)
            .create()
        try await database.schema(SLAPolicyRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .create()
        try await database.schema(RoutingRule.schema)
            .id()
            .field("category_code", .string, .required)
            .field("division_code", .string, .required)
            .field("department_code", .string, .required)
            .unique(on: "category_code", "division_code")
            .create()
        try await database.schema(CalendarDay.schema)
            .field("day", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [CalendarDay.schema, RoutingRule.schema, SLAPolicyRecord.schema, Category.schema] {
            try await database.schema(schema).delete()
        }
    }
}
