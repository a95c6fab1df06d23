import Fluent
import Foundation
import LianxinCore
import Vapor

/// Finding assets in the principal's scope (out of scope answers like missing), and their shapes for JSON and pages.
enum AssetLookup {
    /// The largest import file taken (CSV or GeoJSON).
    static let maxImport: ByteCount = "8mb"

    /// The leaf categories a report may be filed under, for the report form's picker.
    static func categories(on db: any Database) async throws -> [SelectOption] {
        try await Category.query(on: db).filter(\.$active == true).sort(\.$id).all().compactMap { category in
            guard let code = category.id, code.count > 2 else { return nil }
            return SelectOption(value: code, label: "\(code) \(category.name)")
        }
    }

    /// The asset named by id or by its sixteen-digit code (scanned from its plate), in scope; 404 otherwise.
    static func find(_ key: String?, for principal: Principal, on db: any Database) async throws -> CityAsset {
        let text = key ?? ""
        var query = CityAsset.query(on: db).within(\.$divisionCode, principal.division)
        if let id = UUID(uuidString: text) {
            query = query.filter(\.$id == id)
        } else if let code = AssetCode(text) {
            query = query.filter(\.$code == code.value)
        } else {
            throw Problem.notFound("asset")
        }
        guard let asset = try await query.first() else { throw Problem.notFound("asset") }
        return asset
    }

    /// The assets in scope, by code, optionally of one class or status; at most `limit`.
    static func list(for principal: Principal, classCode: String?, status: String?, limit: Int = 2_000, on db: any Database) async throws
        -> [CityAsset]
    {
        var query = CityAsset.query(on: db).within(\.$divisionCode, principal.division)
        if let classCode, !classCode.isEmpty { query = query.filter(\.$classCode == classCode) }
        if let status, !status.isEmpty { query = query.filter(\.$status == status) }
        return try await query.sort(\.$code).limit(limit).all()
    }

    /// The unit names by id, for showing owners.
    static func unitNames(on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await Department.query(on: db).all().compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
    }
}

/// An asset as the API gives it.
struct AssetDTO: Content {
    var id: UUID
    var code: String
    var classCode: String
    var className: String
    var name: String
    var divisionCode: String
    var latitude: Double
    var longitude: Double
    var address: String?
    var ownerUnitId: UUID
    var ownerUnitName: String
    var status: String
    var statusTitle: String
    var updatedAt: Date

    init(_ row: CityAsset, units: [UUID: String], english: Bool) throws {
        id = try row.requireID()
        code = row.code
        classCode = row.classCode
        className = AssetClasses.named(row.classCode)?.title(english: english) ?? row.classCode
        name = row.name
        divisionCode = row.divisionCode
        latitude = row.latitude
        longitude = row.longitude
        address = row.address
        ownerUnitId = row.ownerDepartmentID
        ownerUnitName = units[row.ownerDepartmentID] ?? ""
        status = row.status
        statusTitle = AssetStatus(rawValue: row.status)?.title(english: english) ?? row.status
        updatedAt = row.updatedAt
    }
}

/// An asset with its history, newest first: registrations, imports, edits and the orders filed about it.
struct AssetDetailDTO: Content {
    struct Entry: Content {
        var kind: String
        var detail: String?
        var orderId: UUID?
        var orderNumber: String?
        var orderStatus: String?
        var at: Date
    }

    var asset: AssetDTO
    var history: [Entry]

    static func load(_ row: CityAsset, _ req: Request) async throws -> AssetDetailDTO {
        let events = try await CityAssetEvent.query(on: req.db).filter(\.$assetID == row.requireID()).sort(\.$at, .descending).all()
        let orderIDs = events.compactMap(\.orderID)
        let orders = try await WorkOrder.query(on: req.db).filter(\.$id ~~ orderIDs).all()
        let byID = Dictionary(orders.compactMap { order in order.id.map { ($0, order) } }, uniquingKeysWith: { a, _ in a })
        return AssetDetailDTO(
            asset: try AssetDTO(row, units: try await AssetLookup.unitNames(on: req.db), english: req.language == .en),
            history: events.map { event in
                let order = event.orderID.flatMap { byID[$0] }
                return Entry(
                    kind: event.kind, detail: event.detail, orderId: event.orderID, orderNumber: order?.number, orderStatus: order?.status,
                    at: event.at)
            })
    }
}
