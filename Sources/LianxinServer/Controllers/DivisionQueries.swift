import Fluent
import LianxinCore

/// Look-ups of the administrative tree shared by pages and API.
enum DivisionQueries {
    /// The chain from the root down to `code` (those levels that exist in the database).
    static func path(to code: DivisionCode, on db: any Database) async throws -> [Division] {
        var codes: [String] = []
        var current: DivisionCode? = code
        while let step = current {
            codes.append(step.value)
            current = step.parent
        }
        let rows = try await Division.query(on: db).filter(\.$id ~~ codes).all()
        return rows.sorted { ($0.id ?? "").count < ($1.id ?? "").count }
    }

    /// Whether `code` is in the database.
    static func exists(_ code: DivisionCode, on db: any Database) async throws -> Bool {
        try await Division.find(code.value, on: db) != nil
    }
}
