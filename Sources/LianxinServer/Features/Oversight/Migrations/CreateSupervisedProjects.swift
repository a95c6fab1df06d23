import Fluent

/// 义务监督员 (#24): projects under volunteer supervision, their volunteers and inspections.
struct CreateSupervisedProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisedProject.schema).id()
            .field("division_code", .string, .required).field("name", .string, .required)
            .field("department_id", .uuid, .required, .references(Department.schema, "id")).field("starts_on", .string, .required)
            .field("ends_on", .string, .required).field("budget_yuan", .int, .required).field("created_at", .datetime, .required).create()
        try await database.schema(VolunteerSupervisor.schema).id()
            .field("project_id", .uuid, .required, .references(SupervisedProject.schema, "id")).field("division_code", .string, .required)
            .field("name", .string, .required).field("phone_cipher", .data, .required).field("team", .string, .required)
            .field("created_at", .datetime, .required).create()
        try await database.schema(SupervisionInspection.schema).id()
            .field("project_id", .uuid, .required, .references(SupervisedProject.schema, "id")).field("division_code", .string, .required)
            .field("volunteer_id", .uuid, .required, .references(VolunteerSupervisor.schema, "id"))
            .field("inspected_on", .string, .required).field("findings", .string, .required).field("status", .string, .required)
            .field("answer", .string).field("answered_by", .string).field("answered_on", .string).field("created_at", .datetime, .required)
            .create()
        try await database.index(on: SupervisedProject.schema, name: "oversight_projects_division", columns: ["division_code"])
        try await database.index(on: SupervisionInspection.schema, name: "oversight_inspections_project", columns: ["project_id", "status"])
    }

    func revert(on database: any Database) async throws {
        for schema in [SupervisionInspection.schema, VolunteerSupervisor.schema, SupervisedProject.schema] {
            try await database.schema(schema).delete()
        }
    }
}
