import Fluent

/// 幸福食堂 (#24): canteens, their diners, the meals served and the price lists.
struct CreateCanteenTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Canteen.schema).id()
            .field("name", .string, .required).field("division_code", .string, .required).field("address", .string, .required)
            .field("meal_cost_fen", .int, .required).field("created_at", .datetime, .required).create()
        try await database.schema(CanteenDiner.schema).id()
            .field("canteen_id", .uuid, .required, .references(Canteen.schema, "id")).field("division_code", .string, .required)
            .field("name", .string, .required).field("id_number_cipher", .data, .required).field("id_number_index", .string, .required)
            .field("birth_date", .string, .required).field("status", .string, .required).field("created_at", .datetime, .required)
            .unique(on: "id_number_index").create()
        try await database.schema(CanteenMeal.schema).id()
            .field("canteen_id", .uuid, .required, .references(Canteen.schema, "id"))
            .field("diner_id", .uuid, .required, .references(CanteenDiner.schema, "id")).field("division_code", .string, .required)
            .field("served_on", .string, .required).field("sitting", .string, .required).field("age", .int, .required)
            .field("price_fen", .int, .required).field("cost_fen", .int, .required).field("subsidy_fen", .int, .required)
            .field("recorded_by", .string, .required).field("created_at", .datetime, .required)
            .unique(on: "diner_id", "served_on", "sitting").create()
        try await database.schema(CanteenPriceList.schema).id()
            .field("division_code", .string, .required).field("rules", .string, .required).field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required).unique(on: "division_code").create()
        try await database.index(on: Canteen.schema, name: "canteens_division", columns: ["division_code"])
        try await database.index(on: CanteenMeal.schema, name: "canteen_meals_division_day", columns: ["division_code", "served_on"])
    }

    func revert(on database: any Database) async throws {
        for schema in [CanteenMeal.schema, CanteenDiner.schema, CanteenPriceList.schema, Canteen.schema] {
            try await database.schema(schema).delete()
        }
    }
}
