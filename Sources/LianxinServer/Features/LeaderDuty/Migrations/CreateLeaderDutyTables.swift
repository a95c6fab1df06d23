import Fluent

/// Leaders on duty (#24): 我陪群众走流程 sessions and their problems (rectification tasks); 三高包保 matters and tasks.
struct CreateLeaderDutyTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DutySession.schema).id()
            .field("division_code", .string, .required).field("leader_id", .uuid, .required, .references(User.schema, "id"))
            .field("leader_name", .string, .required).field("held_on", .string, .required).field("hall", .string, .required)
            .field("matter", .string, .required).field("role", .string, .required).field("services", .int, .required)
            .field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.schema(DutyProblem.schema).id()
            .field("session_id", .uuid, .required, .references(DutySession.schema, "id")).field("division_code", .string, .required)
            .field("description", .string, .required).field("owner_unit_id", .uuid, .required, .references(Department.schema, "id"))
            .field("deadline", .string, .required).field("status", .string, .required).field("rectification", .string)
            .field("rectified_on", .string).field("confirmed_on", .string).field("created_by", .string, .required)
            .field("created_at", .datetime, .required).create()
        try await database.schema(LeaderMatter.schema).id()
            .field("division_code", .string, .required).field("category_code", .string, .required).field("tier", .string, .required)
            .field("leader_id", .uuid, .required, .references(User.schema, "id")).field("leader_name", .string, .required)
            .field("note", .string).field("assigned_on", .string, .required).field("created_by", .string, .required)
            .field("created_at", .datetime, .required).create()
        try await database.schema(LeaderMatterTask.schema).id()
            .field("matter_id", .uuid, .required, .references(LeaderMatter.schema, "id")).field("division_code", .string, .required)
            .field("description", .string, .required).field("owner_unit_id", .uuid, .required, .references(Department.schema, "id"))
            .field("deadline", .string, .required).field("status", .string, .required).field("done_on", .string)
            .field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.index(on: DutySession.schema, name: "leader_duty_sessions_division", columns: ["division_code", "held_on"])
        try await database.index(on: DutyProblem.schema, name: "leader_duty_problems_division", columns: ["division_code", "status"])
        try await database.index(on: LeaderMatter.schema, name: "leader_matters_division", columns: ["division_code"])
        try await database.index(on: LeaderMatterTask.schema, name: "leader_matter_tasks_matter", columns: ["matter_id"])
    }

    func revert(on database: any Database) async throws {
        for schema in [LeaderMatterTask.schema, LeaderMatter.schema, DutyProblem.schema, DutySession.schema] {
            try await database.schema(schema).delete()
        }
    }
}
