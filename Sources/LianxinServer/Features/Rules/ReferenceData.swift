import Vapor
import Fluent
import LianxinCore
import NIOConcurrencyHelpers

/// The data every deployment starts with: the default dispatch catalogue (`catalogue-default.csv`), the built-in SLA
/// policies and China's holiday calendar. Loaded when the tables are empty; editable afterwards.
enum ReferenceData {
    static func seedIfEmpty(_ app: Application) async throws {
        let db = app.db
        if try await SLAPolicyRecord.query(on: db).count() == 0 {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for policy in SLAPolicy.builtIn {
                let json = String(decoding: try encoder.encode(policy), as: UTF8.self)
                try await SLAPolicyRecord(code: policy.code, name: policy.name, definition: json).create(on: db)
            }
        }
        if try await CalendarDay.query(on: db).count() == 0 {
            let rows = ChinaHolidays.schedule.entries.map {
                CalendarDay(day: $0.date.description, kind: $0.kind.rawValue, name: $0.name)
            }
            try await db.transaction { tx in
                for row in rows { try await row.create(on: tx) }
            }
        }
        if try await Category.query(on: db).count() == 0 {
            let path = (app.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CatalogueCSV.defaultFile)
            let importer = CatalogueImporter(application: app, actor: AuditActor(id: nil, name: "system", role: nil, division: nil))
            _ = try await importer.importCSV(try String(contentsOfFile: path, encoding: .utf8))
        }
        if try await CategoryAttribute.query(on: db).count() == 0 {
            let path = (app.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CategoryAttributeCSV.defaultFile)
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                _ = try await CategoryAttributeCSV.importCSV(
                    text, application: app, actor: AuditActor(id: nil, name: "system", role: nil, division: nil))
            }
        }
    }

    /// Calendar and policies read from the database are kept for `lifetime` seconds, so that intake
    /// does not rebuild them for every order; an admin change clears this instance's copy at once,
    /// other instances pick it up within the lifetime.
    final class Cache: Sendable {
        static let lifetime: TimeInterval = 30
        private struct Entries {
            var calendar: (WorkCalendar, Date)?
            var policies: [String: (SLAPolicy, Date)] = [:]
            var catalog: (Catalog, Date)?
            var locator: (GridPlacement, Date)?
        }
        private let box = NIOLockedValueBox(Entries())
        /// The deployment's rest-day receipt rule, applied to the calendar read from the database.
        let restDayReceipt: RestDayReceipt

        init(restDayReceipt: RestDayReceipt) {
            self.restDayReceipt = restDayReceipt
        }

        /// The entry at `entry` if younger than `lifetime`, else what `load` gives (then kept).
        private func cached<T>(_ entry: WritableKeyPath<Entries, (T, Date)?>, now: Date, load: () async throws -> T) async throws -> T {
            if let (value, at) = box.withLockedValue({ $0[keyPath: entry] }), now.timeIntervalSince(at) < Self.lifetime { return value }
            let value = try await load()
            box.withLockedValue { $0[keyPath: entry] = (value, now) }
            return value
        }

        func catalog(now: Date, load: () async throws -> Catalog) async throws -> Catalog {
            try await cached(\.catalog, now: now, load: load)
        }

        func calendar(now: Date, load: () async throws -> WorkCalendar) async throws -> WorkCalendar {
            try await cached(\.calendar, now: now, load: load)
        }

        func policy(_ code: String, now: Date, load: () async throws -> SLAPolicy) async throws -> SLAPolicy {
            try await cached(\.policies[code], now: now, load: load)
        }

        func locator(now: Date, load: () async throws -> GridPlacement) async throws -> GridPlacement {
            try await cached(\.locator, now: now, load: load)
        }

        func clear() { box.withLockedValue { $0 = Entries() } }
    }

    /// Categories, routing rules and active departments, as intake needs them.
    struct Catalog: Sendable {
        let categories: [String: Category]
        let rules: [RoutingRule]
        let departments: [String: Department]
        /// Extra questions by category code, in order.
        let attributes: [String: [ServiceAttribute]]
        /// Each division's role → unit mapping (the dispatch catalogue's roles resolved to a county's units).
        var roles = RoleResolver([])
        /// The category tree with each category's roles.
        var nodes: [String: CatalogueNode] = [:]

        /// An active category by code.
        func category(_ code: String) -> Category? { categories[code].flatMap { $0.active ? $0 : nil } }
    }

    /// The catalog (cached for `Cache.lifetime`).
    static func catalog(_ cache: Cache, on db: any Database) async throws -> Catalog {
        try await cache.catalog(now: Date()) {
            let categories = try await Category.query(on: db).all()
            let departments = try await Department.query(on: db).filter(\.$active == true).all()
            var catalog = Catalog(
                categories: Dictionary(categories.map { ($0.id ?? "", $0) }, uniquingKeysWith: { a, _ in a }),
                rules: try await RoutingRule.query(on: db).all(),
                departments: Dictionary(departments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }),
                attributes: Dictionary(
                    grouping: try await CategoryAttribute.query(on: db).all().compactMap { row in
                        row.attribute.map { (row.categoryCode, $0) }
                    }, by: \.0
                ).mapValues { $0.map(\.1).sorted { $0.order < $1.order } })
            catalog.nodes = Dictionary(categories.map { ($0.id ?? "", $0.node) }, uniquingKeysWith: { a, _ in a })
            catalog.roles = RoleResolver(
                try await DivisionRole.query(on: db).all().compactMap { row in
                    DivisionCode(row.divisionCode).map { RoleAssignment(division: $0, role: row.role, unitCode: row.departmentCode) }
                })
            return catalog
        }
    }

    /// Point → grid → community → township → county over the grids in force (cached for `Cache.lifetime`).
    static func locator(_ cache: Cache, on db: any Database) async throws -> GridPlacement {
        try await cache.locator(now: Date()) {
            let reader = GeoJSONReader()
            var features: [GridFeature] = []
            var versions: [String: Int] = [:]
            for grid in try await Grid.query(on: db).filter(\.$validTo == nil).all() {
                guard var feature = try? reader.read(Data(grid.geometry.utf8)).first else { continue }
                feature.code = grid.code
                feature.parentCode = grid.communityCode
                features.append(feature)
                versions[grid.code] = grid.version
            }
            var parents: [String: String] = [:]
            for community in Set(features.compactMap(\.parentCode)) {
                var code = DivisionCode(community)
                while let child = code, let parent = child.parent, child.value.count > 6 {
                    parents[child.value] = parent.value
                    code = parent
                }
            }
            return GridPlacement(locator: DivisionLocator(grids: features, parents: parents), versions: versions)
        }
    }

    /// The grids in force, indexed: where a point lies, and each grid's current version.
    struct GridPlacement: Sendable {
        let locator: DivisionLocator
        let versions: [String: Int]

        /// The grid (code, version) and its path at `point`, or nil outside every grid.
        func place(_ point: GeoPoint) -> (path: DivisionPath, version: Int)? {
            locator.path(at: point).map { ($0, versions[$0.grid] ?? 1) }
        }

        func path(at point: GeoPoint) -> DivisionPath? { locator.path(at: point) }
    }

    /// The work calendar (cached for `Cache.lifetime`).
    static func calendar(_ cache: Cache, on db: any Database) async throws -> WorkCalendar {
        try await cache.calendar(now: Date()) { try await loadCalendar(on: db, restDayReceipt: cache.restDayReceipt) }
    }

    /// The SLA policy stored under `code` (cached for `Cache.lifetime`).
    static func policy(_ code: String, _ cache: Cache, on db: any Database) async throws -> SLAPolicy {
        try await cache.policy(code, now: Date()) { try await loadPolicy(code, on: db) }
    }

    /// The work calendar as stored (admins add next year's notice as rows).
    static func loadCalendar(on db: any Database, restDayReceipt: RestDayReceipt) async throws -> WorkCalendar {
        let rows = try await CalendarDay.query(on: db).all()
        let entries = rows.compactMap { row -> HolidayEntry? in
            guard let day = row.id.flatMap({ LocalDate(iso: $0) }), let kind = DayKind(rawValue: row.kind) else { return nil }
            return HolidayEntry(date: day, kind: kind, name: row.name)
        }
        let schedule = try HolidaySchedule(entries)
        return try WorkCalendar(
            schedule: schedule, workingHours: WorkCalendar.china.workingHours,
            dayEnd: WorkCalendar.china.dayEnd, timeZone: WorkCalendar.shanghai, restDayReceipt: restDayReceipt)
    }

    private static func loadPolicy(_ code: String, on db: any Database) async throws -> SLAPolicy {
        guard let record = try await SLAPolicyRecord.find(code, on: db) else {
            throw Problem.invalid(field: "/categoryCode", "the category's SLA policy \(code) does not exist / 时限规则不存在")
        }
        return try JSONDecoder().decode(SLAPolicy.self, from: Data(record.definition.utf8))
    }
}
