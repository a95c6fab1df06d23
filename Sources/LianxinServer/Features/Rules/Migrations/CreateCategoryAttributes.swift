import Fluent
import Foundation
import LianxinCore

struct CreateCategoryAttributes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CategoryAttribute.schema)
            .id()
            .field("category_code", .string, .required, .references(Category.schema, "code"))
            .field("code", .string, .required)
            .field("datatype", .string, .required)
            .field("required", .bool, .required)
            .field("sort_order", .int, .required)
            .field("description", .string, .required)
            .field("allowed_values", .string, .required)
            .unique(on: "category_code", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CategoryAttribute.schema).delete()
    }
}
