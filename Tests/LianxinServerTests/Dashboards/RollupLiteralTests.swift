import Foundation
import Testing
import Fluent
import SQLKit
@testable import LianxinServer

/// #16 item 15: the rollup's bulk insert writes texts as literals; their meaning must not depend on
/// PostgreSQL's `standard_conforming_strings`.
@Suite("Rollup literals")
struct RollupLiteralTests {
    @Test func item15_rollupLiteralsDoNotDependOnStandardConformingStrings() async throws {
        try await withLianxin { app, _ in
            let tricky = #"a\'b\\c'); DROP TABLE users; --"#
            let key = ["2026-01-01", "3611", "361102", tricky, "", "", "", "cat\\", "hotline", "complaint"]
            try await app.db.transaction { db in
                if TestDatabase.isPostgres {
                    try await db.sql.raw("SET LOCAL standard_conforming_strings = off").run()
                }
                try await RollupStore.insertRows(
                    into: RollupStore.rowsTable, keyColumns: RollupStore.keyColumns, [(key: key, counters: .zero)], on: db.sql)
            }
            let row = try #require(try await app.db.sql.raw("SELECT township, category_code FROM order_rollups").first())
            #expect(try row.decode(column: "township", as: String.self) == tricky)
            #expect(try row.decode(column: "category_code", as: String.self) == "cat\\")
            #expect(try await count("users", app) >= 0)
        }
        #expect(RollupStore.textLiteral(#"x\'y"#, postgres: true) == #"E'x\\''y'"#)
        #expect(RollupStore.textLiteral(#"x\'y"#, postgres: false) == #"'x\''y'"#)
    }
}
