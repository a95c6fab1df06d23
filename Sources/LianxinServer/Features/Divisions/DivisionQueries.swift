import Fluent
import SQLKit
import LianxinCore

/// Look-ups of the administrative tree shared by pages and API.
enum DivisionQueries {
    /// The chain from the root down to `code` (those levels that exist in the database).
    static func path(to code: DivisionCode, on db: any Database) async throws -> [Division] {
        let rows = try await Division.query(on: db).filter(\.$id ~~ code.lineage.map(\.value)).all()
        return rows.sorted { ($0.id ?? "").count < ($1.id ?? "").count }
    }

    /// Whether the division `code` is in the database.
    static func exists(_ code: DivisionCode, on db: any Database) async throws -> Bool {
        try await db.sql.raw("SELECT 1 AS found FROM divisions WHERE code = \(bind: code.value)").first() != nil
    }

    /// The first county (6-digit code) held, for a request that names no place.
    static func firstCounty(on db: any Database) async throws -> String? {
        try await db.sql.raw("SELECT code FROM divisions WHERE LENGTH(code) = 6 ORDER BY code LIMIT 1").first()
            .map { try $0.decode(column: "code", as: String.self) }
    }

    /// The division the deployment serves: the smallest one containing every county it holds
    /// (a city for the demo city, the county itself for a one-county deployment); nil before any
    /// county is imported. Reference data shared by the whole deployment belongs to this level.
    static func deploymentDivision(on db: any Database) async throws -> DivisionCode? {
        let counties = try await db.sql.raw("SELECT code FROM divisions WHERE LENGTH(code) = 6").all()
            .compactMap { DivisionCode(try $0.decode(column: "code", as: String.self)) }
        return DivisionCode.smallestContaining(counties)
    }

    /// The names of the divisions `codes`, by code (codes not in the database are left out).
    static func names(of codes: some Sequence<String>, on db: any Database) async throws -> [String: String] {
        var names: [String: String] = [:]
        for chunk in Array(Set(codes)).chunked(500) {
            for row in try await Division.query(on: db).filter(\.$id ~~ chunk).all() {
                if let code = row.id { names[code] = row.name }
            }
        }
        return names
    }
}
