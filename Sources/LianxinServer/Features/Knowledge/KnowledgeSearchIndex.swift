import Foundation
import SQLKit
import LianxinCore

/// The engine's own full-text facility over the entries' gram strings (`KnowledgeText.grams`). SQLite: an FTS5
/// table with the `trigram` tokenizer (SQLite ≥ 3.34), kept beside the entries by `KnowledgeSearchIndex.write`.
/// PostgreSQL: a `pg_trgm` GIN index on `search_all`, which answers `LIKE '% 异地 %'` from the index. Both find the
/// candidates; `KnowledgeRanker` orders them the same way on both.
enum KnowledgeSearchIndex {
    static let ftsTable = "knowledge_fts"

    static func create(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                "CREATE VIRTUAL TABLE \(ident: ftsTable) USING fts5(entry_id UNINDEXED, q, k, a, tokenize = 'trigram')"
            ).run()
        } else {
            try await installTrigramExtension(on: sql)
            try await sql.raw(
                "CREATE INDEX knowledge_entries_search ON \(ident: KnowledgeEntry.schema) USING gin (search_all public.gin_trgm_ops)"
            ).run()
        }
    }

    static func drop(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TABLE IF EXISTS \(ident: ftsTable)").run()
        }
    }

    /// `pg_trgm` in the `public` schema (where the queries name it), tolerating another migrating schema racing to it.
    private static func installTrigramExtension(on sql: any SQLDatabase) async throws {
        do {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").run()
        } catch {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM pg_extension WHERE extname = 'pg_trgm'").first()
            guard try row?.decode(column: "n", as: Int.self) ?? 0 > 0 else { throw error }
        }
    }

    /// Rewrites the entry's row of the SQLite FTS table (PostgreSQL indexes the entry's own columns).
    static func write(_ entry: KnowledgeEntry, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        let id = try entry.requireID()
        try await sql.raw("DELETE FROM \(ident: ftsTable) WHERE entry_id = \(bind: id.uuidString)").run()
        try await sql.raw(
            """
            INSERT INTO \(ident: ftsTable) (entry_id, q, k, a) VALUES (\(bind: id.uuidString), \(bind: entry.searchQuestion), \
            \(bind: entry.searchKeywords), \(bind: entry.searchAnswer))
            """
        ).run()
    }

    /// The published entries valid on `today` and applying on the line of `division` that match `query`, the
    /// engine's best `limit` first, as the ranker needs them (one query, no model decoding).
    static func candidates(
        _ query: KnowledgeQuery, within division: DivisionCode, today: String, categoryCode: String? = nil, limit: Int,
        on sql: any SQLDatabase
    ) async throws -> [KnowledgeRanker.Candidate] {
        let filters = self.filters(division: division, today: today, categoryCode: categoryCode)
        let columns: SQLQueryString =
            "e.id AS id, e.question AS question, e.keywords AS keywords, e.search_q AS search_q, e.search_k AS search_k, e.search_a AS search_a"
        let rows: [any SQLRow]
        if query.isShort {
            // One character: no trigram holds it, so the questions and keywords are scanned.
            let like = "%" + KnowledgeTextLike.escaped(query.text) + "%"
            rows = try await sql.raw(
                """
                SELECT \(columns) FROM \(ident: KnowledgeEntry.schema) e
                WHERE (e.question LIKE \(bind: like) ESCAPE '!' OR e.keywords LIKE \(bind: like) ESCAPE '!') AND \(filters)
                ORDER BY e.answered_count DESC, e.id LIMIT \(unsafeRaw: String(limit))
                """
            ).all()
        } else if sql.dialect.name == "sqlite" {
            let match = query.terms.map { "\" \($0) \"" }.joined(separator: " OR ")
            rows = try await sql.raw(
                """
                SELECT \(columns) FROM \(ident: ftsTable) f JOIN \(ident: KnowledgeEntry.schema) e ON e.id = f.entry_id
                WHERE f.\(ident: ftsTable) MATCH \(bind: match) AND \(filters)
                ORDER BY bm25(\(ident: ftsTable), 0.0, 5.0, 3.0, 1.0) LIMIT \(unsafeRaw: String(limit))
                """
            ).all()
        } else {
            let patterns = query.terms.map { "% " + KnowledgeTextLike.escaped($0) + " %" }
            let any = patterns.map { "e.search_all LIKE \(bind: $0) ESCAPE '!'" as SQLQueryString }.joined(separator: " OR ")
            let hits =
                patterns.map {
                    """
                    (CASE WHEN e.search_q LIKE \(bind: $0) ESCAPE '!' THEN 3 ELSE 0 END \
                    + CASE WHEN e.search_k LIKE \(bind: $0) ESCAPE '!' THEN 2 ELSE 0 END)
                    """ as SQLQueryString
                }.joined(separator: " + ")
            let grams = KnowledgeText.grams(query.segments.joined(separator: " "))
            rows = try await sql.raw(
                """
                SELECT \(columns) FROM \(ident: KnowledgeEntry.schema) e WHERE (\(any)) AND \(filters)
                ORDER BY \(hits) DESC, public.similarity(e.search_all, \(bind: grams)) DESC, e.id
                LIMIT \(unsafeRaw: String(limit))
                """
            ).all()
        }
        return try rows.map { row in
            KnowledgeRanker.Candidate(
                id: try row.decode(column: "id", as: UUID.self), question: try row.decode(column: "question", as: String.self),
                keywords: try row.decode(column: "keywords", as: String.self), questionGrams: try row.decode(column: "search_q", as: String.self),
                keywordGrams: try row.decode(column: "search_k", as: String.self), answerGrams: try row.decode(column: "search_a", as: String.self))
        }
    }

    /// Published, valid on `today`, in the category when one is named, applying in a division on `division`'s line
    /// (the division itself, one above it, or one inside it).
    private static func filters(division: DivisionCode, today: String, categoryCode: String?) -> SQLQueryString {
        let above = division.lineage.map(\.value)
        let aboveList = above.map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ")
        let category: SQLQueryString = categoryCode.map { " AND e.category_code = \(bind: $0)" } ?? ""
        return """
            e.status = 'published' AND (e.valid_from IS NULL OR e.valid_from <= \(bind: today)) \
            AND (e.valid_to IS NULL OR e.valid_to >= \(bind: today))\(category) \
            AND EXISTS (SELECT 1 FROM \(ident: KnowledgeEntryDivision.schema) d WHERE d.entry_id = e.id \
            AND (d.division_code IN (\(aboveList)) OR \(DivisionScope.sql("d", "division_code", within: division))))
            """
    }
}

/// `LIKE` patterns with `!` as the escape character.
enum KnowledgeTextLike {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%").replacingOccurrences(of: "_", with: "!_")
    }
}
