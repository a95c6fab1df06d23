import Fluent
import SQLKit

extension Database {
    /// Creates an index with plain SQL (Fluent's schema builder has none).
    func index(on table: String, name: String, columns: [String]) async throws {
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
