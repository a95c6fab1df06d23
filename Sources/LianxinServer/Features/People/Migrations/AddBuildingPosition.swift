import Fluent
import SQLKit
import LianxinCore

/// Buildings may carry their position, so that a proposed grid can count the households inside it.
struct AddBuildingPosition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(Building.schema).field("latitude", .double).update()
        try await database.schema(Building.schema).field("longitude", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Building.schema).deleteField("longitude").update()
        try await database.schema(Building.schema).deleteField("latitude").update()
    }
}
