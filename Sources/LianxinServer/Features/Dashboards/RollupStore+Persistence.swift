import Vapor
import Fluent
import SQLKit
import LianxinCore

extension RollupStore {
    /// The stored fact of an order.
    static func fact(of orderID: UUID, on sql: any SQLDatabase) async throws -> OrderFact? {
        guard let row = try await sql.raw("SELECT fact FROM \(ident: factsTable) WHERE order_id = \(bind: orderID)").first() else {
            return nil
        }
        return try decodeFact(row.decode(column: "fact", as: String.self))
    }

    static func decodeFact(_ text: String) throws -> OrderFact {
        try JSONDecoder().decode(OrderFact.self, from: Data(text.utf8))
    }

    static func factValues(_ fact: OrderFact) throws -> [any SQLExpression] {
        let key = keyValues(RollupKey(fact))
        return [SQLBind(fact.orderID)] + key.map { SQLBind($0) } + [
            SQLBind(fact.overdueAfter()?.timeIntervalSince1970), SQLBind(fact.createdAt.timeIntervalSince1970),
            SQLBind(String(decoding: try JSONEncoder().encode(fact), as: UTF8.self)),
        ]
    }

    /// Writes facts, replacing the stored ones of the same orders when `replacing`.
    static func save(_ facts: [OrderFact], replacing: Bool, on sql: any SQLDatabase) async throws {
        guard !facts.isEmpty else { return }
        if replacing {
            for fact in facts {
                try await sql.delete(from: factsTable).where("order_id", .equal, SQLBind(fact.orderID)).run()
            }
        }
        for chunk in facts.chunked(500) {
            try await sql.insertRows(into: factsTable, columns: factColumns, try chunk.map(factValues))
        }
    }

    /// Adds counter changes to their rows, creating rows as needed, and to the summary rows above them
    /// (`RollupSummaryStore`); keys are taken in one order so that concurrent transactions lock rows in the same order.
    static func apply(_ delta: [RollupKey: RollupCounters], on sql: any SQLDatabase) async throws {
        try await upsert(into: rowsTable, keyColumns: keyColumns, delta.map { (keyValues($0.key), values(of: $0.value)) }, on: sql)
        try await RollupSummaryStore.apply(delta, on: sql)
    }

    /// Adds rows of counter changes (`values(of:)`) to the rows of `table` with the same key texts, creating rows as
    /// needed; rows are taken in key order, 100 to a statement. A statement names only the counters that some of its
    /// rows change (an event moves a handful of the ~190; the rest keep their value, or their default 0 in a new
    /// row), keys bound and counters written as integer literals, so a statement stays small whatever the number
    /// of counters.
    static func upsert(
        into table: String, keyColumns: [String], _ rows: [(key: [String], values: [Int])],
        on sql: any SQLDatabase
    ) async throws {
        let rows = rows.filter { $0.values.contains { $0 != 0 } }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let conflict = keyColumns.joined(separator: ", ")
        for chunk in rows.chunked(100) {
            let changed = counterColumns.indices.filter { index in chunk.contains { $0.values[index] != 0 } }
            let columns = keyColumns + changed.map { counterColumns[$0] }
            let tuples = chunk.map { row in
                SQLGroupExpression(
                    row.key.map { SQLBind($0) as any SQLExpression }
                        + changed.map { SQLLiteral.numeric(String(row.values[$0])) as any SQLExpression })
            }
            let updates = changed.map { "\(counterColumns[$0]) = \(table).\(counterColumns[$0]) + excluded.\(counterColumns[$0])" }
            try await sql.raw(
                """
                INSERT INTO \(ident: table) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(SQLList(tuples))
                ON CONFLICT (\(unsafeRaw: conflict)) DO UPDATE SET \(unsafeRaw: updates.joined(separator: ", "))
                """
            ).run()
        }
    }

    /// Inserts whole rows into an empty table (rebuilds and bulk loads).
    static func insert(_ rows: [RollupKey: RollupCounters], on sql: any SQLDatabase) async throws {
        try await insertRows(into: rowsTable, keyColumns: keyColumns, rows.map { (keyValues($0.key), $0.value) }, on: sql)
    }

    /// Inserts rows of key texts and counters, 500 to a statement written out as literals: a rebuild or a bulk load
    /// writes millions of numbers, and binding each one costs more than the insert. Texts are written with
    /// `textLiteral`, whose meaning does not depend on the server's settings; counters are integers.
    static func insertRows(
        into table: String, keyColumns: [String], _ rows: [(key: [String], counters: RollupCounters)],
        on sql: any SQLDatabase
    ) async throws {
        let postgres = sql.dialect.name == "postgresql"
        for chunk in rows.chunked(500) {
            let rowValues: [[Int]] = chunk.map { Self.values(of: $0.counters) }
            // A counter added by a later migration is named only when some row has it, so a migration that fills a
            // table before that column exists (CreateRollupSummary on an old database) still inserts.
            let used: [Int] = counterColumns.indices.filter { (i: Int) -> Bool in
                if !columnsAddedLater.contains(counterColumns[i]) { return true }
                return rowValues.contains { $0[i] != 0 }
            }
            var text = "INSERT INTO \(table) (\((keyColumns + used.map { counterColumns[$0] }).joined(separator: ", "))) VALUES "
            for (index, row) in chunk.enumerated() {
                if index > 0 { text += "," }
                text += "(" + row.key.map { textLiteral($0, postgres: postgres) }.joined(separator: ",")
                let counts: [String] = used.map { String(rowValues[index][$0]) }
                text += "," + counts.joined(separator: ",") + ")"
            }
            try await sql.raw("\(unsafeRaw: text)").run()
        }
    }

    /// A text as an SQL literal that reads the same whatever the connection's settings. On PostgreSQL a plain
    /// '…' literal treats a backslash as an escape when `standard_conforming_strings` is off (so `\'` would end
    /// it early); an escape-string literal E'…' with backslashes and quotes doubled means the same text either
    /// way. SQLite has no backslash escapes, so doubling the quotes is enough there. NUL, which neither engine
    /// stores in text, is dropped.
    static func textLiteral(_ text: String, postgres: Bool) -> String {
        let clean = text.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "'", with: "''")
        return postgres ? "E'" + clean.replacingOccurrences(of: "\\", with: "\\\\") + "'" : "'" + clean + "'"
    }

    /// Every non-zero row as stored.
    static func table(on sql: any SQLDatabase) async throws -> [RollupKey: RollupCounters] {
        var table: [RollupKey: RollupCounters] = [:]
        for row in try await sql.raw("SELECT * FROM \(ident: rowsTable)").all() {
            let counters = try counters(of: row)
            if !counters.isZero { table[try key(of: row), default: .zero] += counters }
        }
        return table
    }

    /// Every stored fact.
    static func facts(on sql: any SQLDatabase) async throws -> [UUID: OrderFact] {
        var facts: [UUID: OrderFact] = [:]
        for row in try await sql.raw("SELECT fact FROM \(ident: factsTable)").all() {
            let fact = try decodeFact(row.decode(column: "fact", as: String.self))
            facts[fact.orderID] = fact
        }
        return facts
    }
}
