import Fluent
import LianxinCore

/// Look-ups of the administrative tree shared by pages and API.
enum DivisionQueries {
    /// The chain from the root down to `code` (those levels that exist in the database).
    static func path(to code: DivisionCode, on db: any Database) async throws -> [Division] {
        let rows = try await Division.query(on: db).filter(\.$id ~~ code.lineage.map(\.value)).all()
        return rows.sorted { ($0.id ?? "").count < ($1.id ?? "").count }
    }
}
