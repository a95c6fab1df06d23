import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

@Suite("History import: lianxin import orders (issue 17)")
struct HistoryImportTests {
    static let header =
        "number,received_at,dispatched_at,signed_at,completed_at,revisited_at,closed_at,channel,request_kind,category,unit,division,"
        + "longitude,latitude,requester_name,requester_phone,title,description,address,satisfaction,solved\n"

    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func importFile(_ text: String, _ app: Application, scope: String? = "361102") async throws -> HistoryImporter.Report {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await HistoryImporter(app: app, scope: scope.flatMap(DivisionCode.init), language: .zhCN).run(path: path) { _, _ in }
    }

    /// A point inside a grid in force, and the grid.
    static func pointInGrid(_ app: Application) async throws -> (GeoPoint, Grid) {
        let placement = try await ReferenceData.locator(app.lianxin.referenceCache, on: app.db)
        for grid in try await Grid.query(on: app.db).filter(\.$validTo == nil).sort(\.$code).all() {
            var pairs: [(Double, Double)] = []
            func walk(_ value: Any) {
                if let numbers = value as? [Double], numbers.count == 2 {
                    pairs.append((numbers[0], numbers[1]))
                } else if let list = value as? [Any] {
                    list.forEach(walk)
                } else if let object = value as? [String: Any] {
                    object.values.forEach(walk)
                }
            }
            walk(try JSONSerialization.jsonObject(with: Data(grid.geometry.utf8)))
            guard let west = pairs.map(\.0).min(), let east = pairs.map(\.0).max(), let south = pairs.map(\.1).min(),
                let north = pairs.map(\.1).max()
            else { continue }
            for i in 1..<10 {
                for j in 1..<10 {
                    let point = GeoPoint(lon: west + (east - west) * Double(i) / 10, lat: south + (north - south) * Double(j) / 10)
                    if placement.place(point)?.path.grid == grid.code { return (point, grid) }
                }
            }
        }
        throw Abort(.internalServerError, reason: "no point inside a demo grid")
    }

    @Test func item05_historyRoundTripWritesOrdersEventsRollupsAndTheTimeline() async throws {
        try await withLianxin(demo: true) { app, client in
            let (point, grid) = try await Self.pointInGrid(app)
            let text =
                Self.header
                + "H-1,2026-08-03 09:00:00,2026-08-03 09:30:00,2026-08-03 10:00:00,2026-08-05 16:00:00,2026-08-06 10:00:00,"
                + "2026-08-06 11:00:00,hotline,complaint,0102,XZ-CG,361102001001,,,张三,138 0013 8000,,道路上有垃圾,中山路1号,满意,是\n"
                + "H-2,2026-09-01T01:00:00Z,2026-09-01 10:00,,,,,热线,投诉,市容环境/道路不洁,SR-CG,361102001,,,,,路面脏,路面很脏,,,\n"
                + "H-3,2026-08-10 08:00:00,2026-08-10 08:10:00,2026-08-10 08:20:00,2026-08-20 08:00:00,2026-08-21 08:00:00,"
                + "2026-08-22 08:00:00,web,assistance,0102,XZ-CG,361102001001,,,李四,13900139000,,又脏了,,dissatisfied,no\n"
                + "H-4,2026-09-02 08:00:00,,,,,,miniProgram,report,0102,,,\(point.lon),\(point.lat),,,,网格里有垃圾,,,\n"
            let factsBefore = try await count(RollupStore.factsTable, app)
            let report = try await Self.importFile(text, app)
            #expect(report.orders == 4)
            #expect(try await count(RollupStore.factsTable, app) == factsBefore + 4, "each order has its rollup fact")

            let closed = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == "H-1").first())
            #expect(closed.status == "closed" && !closed.overdue && closed.nextDueAt == nil)
            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first())
            #expect(closed.departmentID == unit.id)
            let events = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == closed.requireID()).sort(\.$sequence).all()
            #expect(events.map(\.kind) == ["created", "accepted", "dispatched", "signed", "completed", "evaluated", "closed"])
            #expect(events.last?.at == HistoryTime.parse("2026-08-06 11:00:00"))
            #expect(events[2].at == WorkCalendar.china.instant(on: LocalDate(year: 2026, month: 8, day: 3)!, minute: 9 * 60 + 30))

            // The requester's phone is sealed like every phone: not in the row, found by the blind index, opened with the key.
            let cipher = try #require(closed.requesterPhoneCipher)
            #expect(!String(decoding: cipher, as: UTF8.self).contains("13800138000"))
            #expect(closed.requesterPhoneIndex == app.lianxin.cipher.blindIndex("13800138000"))
            #expect(try app.lianxin.cipher.open(cipher, for: .workOrderRequesterPhone, row: closed.requireID()) == "13800138000")

            let open = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == "H-2").first())
            #expect(open.status == "dispatched" && open.categoryCode == "0102" && open.title == "路面脏")
            #expect(open.createdAt == HistoryTime.parse("2026-09-01 09:00"), "Z times are UTC")
            #expect(open.overdue, "three working days to complete ran out long before the test's now")

            let dissatisfied = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == "H-3").first())
            #expect(dissatisfied.status == "closed", "the old system's closing stands after a dissatisfied revisit")
            let located = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == "H-4").first())
            #expect(located.divisionCode == grid.communityCode && located.gridCode == grid.code && located.status == "received")
            #expect(located.channel == "miniProgram" && located.requestKind == "report")

            // The rollups kept along the way equal a rebuild from the events.
            let incremental = try await RollupStore.table(on: app.db.sql)
            _ = try await RollupRebuild.run(app: app)
            #expect(try await RollupStore.table(on: app.db.sql) == incremental)

            // The source is recorded, and the import audited.
            #expect(try await count(HistoryImport.ordersTable, app) == 4)
            #expect(try await HistoryImport.query(on: app.db).first()?.orders == 4)
            #expect(try await auditActions(app).contains { $0.action == "orders.import" && $0.result == "success" })

            // The order page shows the history.
            try await client.login("dispatcher")
            let page = try await client.send(.GET, "/orders/\(try closed.requireID())")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("历史工单，从原系统导入"))
            #expect(page.body.string.contains("原系统结案"))
            #expect(!page.body.string.contains("13800138000"), "the phone is masked on the page")
        }
    }

    @Test func item05_badHistoryFilesAreRefusedWholeWithEveryProblemByLineAndColumn() async throws {
        try await withLianxin(demo: true) { app, _ in
            try await Department(code: "GF-CG", name: "广丰区城市管理局", divisionCode: "361103").create(on: app.db)
            let existing = "E-1"
            _ = try await Self.importFile(
                Self.header + "E-1,2026-08-01 09:00:00,,,,,,hotline,complaint,0102,,361102001001,,,,,,已有的工单,,,\n", app)
            let good = ",2026-08-03 09:00:00,2026-08-03 09:30:00,,,,,hotline,complaint,0102,XZ-CG,361102001001,,,,,,描述,,,\n"
            let text =
                Self.header
                + "B-1" + good
                + "B-2,2026-08-03 09:00:00,,,,,,hotline,complaint,9999,,361102001001,,,,,,描述,,,\n"
                + "B-3,2026-08-03 09:00:00,2026-08-03 09:30:00,,,,,hotline,complaint,0102,NO-SUCH,361102001001,,,,,,描述,,,\n"
                + "B-4,2026-08-03 09:00:00,,,,,,hotline,complaint,0102,,999999999999,,,,,,描述,,,\n"
                + "B-1" + good
                + "\(existing)" + good
                + "B-7,2026-08-03 09:00:00,2026-08-03 08:00:00,,,,,hotline,complaint,0102,XZ-CG,361102001001,,,,,,描述,,,\n"
                + "B-8,2026-08-03 09:00:00,2026-08-03 09:30:00,,,,,hotline,complaint,0102,GF-CG,361102001001,,,,,,描述,,,\n"
                + "B-9,2026-08-03 09:00:00,,,2026-08-04 09:00:00,,,hotline,complaint,0102,,361102001001,,,,,,描述,,,\n"
            let orders = try await count(WorkOrder.schema, app), events = try await count(WorkOrderEventRecord.schema, app)
            let facts = try await count(RollupStore.factsTable, app)
            do {
                _ = try await Self.importFile(text, app)
                Issue.record("the bad file was accepted")
            } catch let refused as HistoryImporter.Refused {
                let found = Set(refused.problems.map { "\($0.line):\($0.column ?? 0):\($0.key)" })
                #expect(found.contains("3:10:history_category_unknown"), "unknown category, line 3 column 10")
                #expect(found.contains("4:11:history_unit_unknown"), "unknown unit")
                #expect(found.contains("5:12:history_division_unknown"), "unknown division")
                #expect(found.contains("6:1:history_number_twice"), "number twice in the file")
                #expect(found.contains("7:1:history_number_taken"), "number of an existing order")
                #expect(found.contains("8:3:history_step_order"), "dispatched before received")
                #expect(found.contains("9:11:history_unit_elsewhere"), "a unit of another county")
                #expect(found.contains("10:5:history_step_missing"), "completed without dispatch or signing")
                #expect(!refused.problems.contains { $0.line == 2 }, "the good row has no problem")
                #expect(refused.total == refused.problems.count)
                let english = try #require(refused.problems.first { $0.key == "history_unit_elsewhere" })
                    .text(app.lianxin.localizer, .en)
                #expect(english == "line 9, column 11 (unit): handling unit \"GF-CG\" belongs to another area and cannot handle orders here")
                let chinese = try #require(refused.problems.first { $0.key == "history_category_unknown" }).text(app.lianxin.localizer, .zhCN)
                #expect(chinese == "第 3 行第 10 列（category）：事项分类「9999」不存在或已停用")
            }
            #expect(try await count(WorkOrder.schema, app) == orders, "nothing written")
            #expect(try await count(WorkOrderEventRecord.schema, app) == events)
            #expect(try await count(RollupStore.factsTable, app) == facts)
            #expect(try await count(HistoryImport.schema, app) == 1, "only the first, good import")
        }
    }

    @Test func item05_aFileWithoutItsRequiredColumnsIsRefusedAtTheHeader() async throws {
        try await withLianxin { app, _ in
            do {
                _ = try await Self.importFile("number,受理时间,colour\nX-1,2026-08-03 09:00,red\n", app, scope: nil)
                Issue.record("accepted")
            } catch let refused as HistoryImporter.Refused {
                let found = Set(refused.problems.map { "\($0.field):\($0.key)" })
                #expect(
                    found == [
                        "colour:history_column_unknown", "category:history_column_missing", "description:history_column_missing",
                        "division:history_column_place",
                    ])
            }
        }
    }
}
