import Fluent

/// The topics of 每月一题 and their tasks.
struct CreateMonthlyTopics: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonthlyTopicRecord.schema)
            .id()
            .field("title", .string, .required)
            .field("month", .string, .required)
            .field("category_code", .string, .required)
            .field("division_code", .string, .required)
            .field("source", .string, .required)
            .field("hotspot_id", .uuid)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("summary", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.index(on: MonthlyTopicRecord.schema, name: "monthly_topics_division", columns: ["division_code", "month"])
        try await database.schema(TopicTask.schema)
            .id()
            .field("topic_id", .uuid, .required, .references(MonthlyTopicRecord.schema, "id"))
            .field("description", .string, .required)
            .field("owner_unit_id", .uuid, .required)
            .field("deadline", .string, .required)
            .field("status", .string, .required)
            .field("done_note", .string)
            .field("done_on", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: TopicTask.schema, name: "topic_tasks_topic", columns: ["topic_id"])
        try await database.index(on: TopicTask.schema, name: "topic_tasks_unit", columns: ["owner_unit_id", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TopicTask.schema).delete()
        try await database.schema(MonthlyTopicRecord.schema).delete()
    }
}
