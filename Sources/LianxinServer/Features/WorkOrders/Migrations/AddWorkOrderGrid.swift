import Fluent
import SQLKit

/// Each order keeps the grid (and grid version) it was filed in, so that reports can be cut by the
/// grids of the day or by today's.
struct AddWorkOrderGrid: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema).field("grid_code", .string).update()
        try await database.schema(WorkOrder.schema).field("grid_version", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkOrder.schema).deleteField("grid_version").update()
        try await database.schema(WorkOrder.schema).deleteField("grid_code").update()
    }
}
