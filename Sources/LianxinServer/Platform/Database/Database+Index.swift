import Fluent
import SQLKit

extension Database {
    /// Creates an index with plain SQL (Fluent's schema builder has none).
    func index(on table: String, name: String, columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
