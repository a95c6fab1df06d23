import Fluent
import Foundation

struct CreateWhistle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Whistle.schema)
            .id()
            .field("division_code", .string, .required)
            .field("order_id", .uuid, .references(WorkOrder.schema, "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("required_arrival_at", .datetime, .required)
            .field("status", .string, .required)
            .field("result", .string)
            .field("blown_by", .uuid, .required)
            .field("blown_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.index(on: Whistle.schema, name: "whistles_division", columns: ["division_code", "blown_at"])
        try await database.schema(WhistleSummons.schema)
            .id()
            .field("whistle_id", .uuid, .required, .references(Whistle.schema, "id"))
            .field("department_id", .uuid, .required, .references(Department.schema, "id"))
            .field("reported_at", .datetime)
            .field("reported_by", .uuid)
            .field("work_note", .string)
            .field("blower_handling", .int)
            .field("blower_satisfaction", .int)
            .field("requester_handling", .int)
            .field("requester_satisfaction", .int)
            .field("score", .double)
            .unique(on: "whistle_id", "department_id")
            .create()
        try await database.index(on: WhistleSummons.schema, name: "whistle_summons_department", columns: ["department_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WhistleSummons.schema).delete()
        try await database.schema(Whistle.schema).delete()
    }
}
