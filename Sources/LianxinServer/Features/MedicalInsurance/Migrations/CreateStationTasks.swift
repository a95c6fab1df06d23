import Fluent

/// The hospital stations' tasks (#22, 前沿哨兵): daily patrols, focused checks and discharge reviews with their
/// checklists as answered and the lead a finding raised.
struct CreateStationTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InsuranceStationTask.schema).id()
            .field("kind", .string, .required).field("institution_code", .string, .required).field("division_code", .string, .required)
            .field("assignee", .string, .required).field("subject", .string, .required).field("settlement_id", .string)
            .field("due_on", .string, .required).field("status", .string, .required).field("answers", .string, .required)
            .field("finding", .string, .required).field("lead_id", .uuid, .references(InsuranceLead.schema, "id"))
            .field("assigned_by", .string, .required).field("created_at", .datetime, .required).field("done_at", .datetime)
            .create()
        try await database.index(on: InsuranceStationTask.schema, name: "mi_station_tasks_division", columns: ["division_code", "status"])
        try await database.index(on: InsuranceStationTask.schema, name: "mi_station_tasks_assignee", columns: ["assignee", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InsuranceStationTask.schema).delete()
    }
}
