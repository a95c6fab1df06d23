import Vapor
import Fluent
import LianxinCore

/// One order as the workbench lists it: names instead of codes, the clock that matters most now,
/// and the department the routing rules suggest.
struct OrderSummary: Encodable, Sendable {
    let id: String
    let number: String
    let title: String
    let status: String
    let statusTitle: String
    let category: String
    let channel: String
    let division: String
    let gridCode: String
    let department: String
    let suggestedDepartmentId: String
    let suggestedDepartment: String
    let createdAt: String
    /// The running clock nearest its deadline: its stage, deadline (ISO 8601, for the live countdown) and state.
    let clockStage: String
    let dueAt: String
    let dueLabel: String
    let clockState: String
    let overdue: Bool
    let supervised: Bool
    let note: String
}

/// Names and clocks the workbench pages need, loaded once per request.
struct WorkbenchLookup: Sendable {
    let catalog: ReferenceData.Catalog
    let calendar: WorkCalendar
    let departmentNames: [UUID: String]
    let english: Bool
    let now: Date
    var divisionNames: [String: String] = [:]

    static func load(_ req: Request) async throws -> WorkbenchLookup {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let departments = try await Department.query(on: req.db).all()
        return WorkbenchLookup(
            catalog: catalog, calendar: try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db),
            departmentNames: Dictionary(departments.compactMap { d in d.id.map { ($0, d.name) } }, uniquingKeysWith: { a, _ in a }),
            english: req.language == .en, now: req.lianxin.now())
    }

    /// Loads the names of the divisions the orders are in.
    mutating func loadDivisions(of codes: some Sequence<String>, on db: any Database) async throws {
        let wanted = Set(codes).subtracting(divisionNames.keys)
        guard !wanted.isEmpty else { return }
        divisionNames.merge(try await DivisionQueries.names(of: wanted, on: db)) { _, new in new }
    }

    func categoryName(_ code: String) -> String {
        categoryName(code, named: catalog.categories[code]?.name ?? code)
    }

    /// `name` after its parent's name, joined by a slash (施工管理 / 施工扰民).
    func categoryName(_ code: String, named name: String) -> String {
        if let parent = catalog.categories[code]?.parentCode, let top = catalog.categories[parent] { return top.name + " / " + name }
        return name
    }

    /// The order as listed; `categoryName` replaces the category's current name (the order page shows the filed version's).
    func summary(_ order: WorkOrder, note: String = "", categoryName filed: String? = nil) throws -> OrderSummary {
        let status = WorkOrderStatus(rawValue: order.status) ?? .received
        let clocks = try WorkOrderService.decodeClocks(order).clocks
        let running = clocks.filter(\.isRunning).min { $0.due(asOf: now, in: calendar) < $1.due(asOf: now, in: calendar) }
        let due = running.map { $0.due(asOf: now, in: calendar) }
        let state = running.map { $0.status(at: now, in: calendar).rawValue } ?? ""
        return OrderSummary(
            id: order.id?.uuidString ?? "", number: order.number, title: order.title, status: status.rawValue,
            statusTitle: status.title(english: english), category: filed ?? categoryName(order.categoryCode),
            channel: (LianxinCore.Channel(rawValue: order.channel)?.title(english: english)) ?? order.channel,
            division: divisionNames[order.divisionCode] ?? order.divisionCode, gridCode: order.gridCode ?? "",
            department: order.departmentID.flatMap { departmentNames[$0] } ?? "",
            suggestedDepartmentId: order.suggestedDepartmentID?.uuidString ?? "",
            suggestedDepartment: order.suggestedDepartmentID.flatMap { departmentNames[$0] } ?? "",
            createdAt: Self.beijing(order.createdAt), clockStage: running.map { $0.stage.title(english: english) } ?? "",
            dueAt: due.map(ISOTimestamp.format) ?? "", dueLabel: due.map(Self.beijing) ?? "", clockState: state,
            overdue: DueStatus.at(now, overdueAfter: order.overdueAfter) == .overdue, supervised: order.supervisionLevel > 0, note: note)
    }

    /// The units `principal` may pick for work in `division` (`DepartmentLookup.mayServe`), by name.
    func departmentOptions(for division: DivisionCode, principal: Principal) -> [SelectOption] {
        catalog.departments.values.filter { DepartmentLookup.mayServe($0, division: division, for: principal) }
            .compactMap { d in d.id.map { SelectOption(value: $0.uuidString, label: d.name) } }.sorted { $0.label < $1.label }
    }

    /// Active categories as `top / sub`, in code order.
    var categoryOptions: [SelectOption] {
        catalog.categories.values.filter(\.active).compactMap { c in c.id.map { SelectOption(value: $0, label: categoryName($0)) } }
            .sorted { $0.value < $1.value }
    }

    /// Who took a step, for people: a staff role's name, the resident or the system.
    static func actorTitle(_ actor: String, _ req: Request) -> String {
        let role = actor.split(separator: ":").first.map(String.init) ?? actor
        let key = Role(rawValue: role) != nil ? "role_\(role)" : "wb_actor_\(role)"
        let text = req.t(key)
        return text == key ? actor : text
    }

    /// "2026-11-26 09:30" in Beijing time.
    static func beijing(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.shanghai
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}

/// A number typed into a page form: nothing when empty, a 422 naming the field when not a number.
func formNumber(_ text: String?, field: String) throws -> Double? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    guard let value = Double(text), value.isFinite else { throw Problem.invalid(field: "/\(field)", "a number / 须为数字") }
    return value
}

/// A field error shown next to its input (`/note` → `note`), and the refusal at the top of a page, in the
/// reader's language only.
extension Problem {
    func fieldMessages(_ language: Localizer.Language) -> [String: String] {
        errors.reduce(into: [String: String]()) { result, error in
            let key = error.field.hasPrefix("/") ? String(error.field.dropFirst()) : error.field
            result[key] = language.pick(error.message)
        }
    }

    func detail(_ language: Localizer.Language) -> String { language.pick(detail) }
}

/// The grid map: every grid in force inside a division drawn as an SVG path by our own projection.
struct GridMapModel: Encodable, Sendable {
    struct Shape: Encodable, Sendable {
        let code: String
        let name: String
        let community: String
        let path: String
        let labelX: String
        let labelY: String
        /// Label size in SVG units: proportional to the grid's width on the map, so small grids stay readable when zoomed.
        let labelSize: String
        let level: Int
    }
    let width: Int
    let height: Int
    /// The projection, so the page can turn a click into a position.
    let minLon: Double
    let maxLat: Double
    let scale: Double
    let lonFactor: Double
    let shapes: [Shape]
    /// The county's roads, rivers and landmarks under the grids.
    let basemap: BasemapLayer
    let isEmpty: Bool
    /// Lines drawn over the grids (a grid member's patrol tracks), each with its label.
    var tracks: [Track] = []

    struct Track: Encodable, Sendable {
        let id: String
        let path: String
        let label: String
    }

    /// The grids in force inside `division`; `levels` shades each grid (e.g. by open orders, 0–4).
    static func load(in division: DivisionCode, levels: [String: Int] = [:], on db: any Database) async throws -> GridMapModel {
        let grids = try await Grid.query(on: db).filter(\.$validTo == nil)
            .within(\.$communityCode, division).sort(\.$code).limit(5000).all()
        let reader = GeoJSONReader()
        let features: [(Grid, AreaGeometry)] = grids.compactMap { grid in
            (try? reader.read(Data(grid.geometry.utf8)).first).map { (grid, $0.geometry) }
        }
        let boxes = features.compactMap { $0.1.boundingBox }
        guard let first = boxes.first else {
            return GridMapModel(
                width: 1000, height: 600, minLon: 0, maxLat: 0, scale: 1, lonFactor: 1, shapes: [], basemap: .empty, isEmpty: true)
        }
        let box = boxes.dropFirst().reduce(first) { a, b in
            BoundingBox(
                minLon: min(a.minLon, b.minLon), minLat: min(a.minLat, b.minLat), maxLon: max(a.maxLon, b.maxLon), maxLat: max(a.maxLat, b.maxLat))
        }
        let map = SVGMapProjection(fitting: box, width: 1000)
        let shapes = features.map { grid, geometry -> Shape in
            let centre = geometry.centroid ?? geometry.boundingBox?.center ?? box.center
            let (x, y) = map.project(centre)
            var size = 8.0
            if let bounds = geometry.boundingBox {
                let width =
                    map.project(GeoPoint(lon: bounds.maxLon, lat: bounds.minLat)).x - map.project(GeoPoint(lon: bounds.minLon, lat: bounds.minLat)).x
                size = min(16, max(1, width / 6))
            }
            return Shape(
                code: grid.code, name: grid.name, community: grid.communityCode, path: map.path(geometry),
                labelX: SVGMapProjection.number(x), labelY: SVGMapProjection.number(y),
                labelSize: SVGMapProjection.number(size), level: levels[grid.code] ?? 0)
        }
        return GridMapModel(
            width: Int(map.width), height: Int(map.height), minLon: map.minLon, maxLat: map.maxLat,
            scale: map.scale, lonFactor: map.lonFactor, shapes: shapes, basemap: try await BasemapLayer.load(in: box, map: map, on: db),
            isEmpty: shapes.isEmpty)
    }
}
