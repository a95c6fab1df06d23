import Fluent
import SQLKit

extension Database {
    /// This database as SQLKit sees it, for the hand-written SQL in each feature's `<Area>Queries.swift`.
    /// Both engines Lianxin runs on (SQLite and PostgreSQL) are SQL databases, so this is the one
    /// place the cast is made.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Lianxin runs on SQL databases only (SQLite or PostgreSQL), not \(type(of: self))")
        }
        return sql
    }

    /// Whether the engine is SQLite (the embedded default) rather than PostgreSQL.
    var isSQLite: Bool { sql.dialect.name == "sqlite" }
}
