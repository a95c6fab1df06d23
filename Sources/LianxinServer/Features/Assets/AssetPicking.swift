import Fluent
import Foundation
import LianxinCore
import Vapor

/// A report that names its city asset (部件) without typing its code: the desk's map shows the assets in scope as a
/// layer, tapping one fills the asset's code (scanning or typing the code stays as a fallback). The order is filed at
/// the asset's place, routing suggests the asset's owner unit, and the asset's history lists it.
enum AssetPicking {
    /// An asset on a page's map, in the map's own projection.
    struct Marker: Encodable, Sendable {
        let id: String
        let code: String
        let x: String
        let y: String
        let label: String
        let status: String
    }

    /// The assets `principal` may see as JSON markers for `map` ("[]" for a role that does not see assets).
    static func markers(for principal: Principal, map: GridMapModel, english: Bool, on db: any Database) async throws -> String {
        guard principal.role.can(.viewAssets) else { return "[]" }
        return try markers(try await AssetLookup.list(for: principal, classCode: nil, status: nil, on: db), map: map, english: english)
    }

    /// The assets of a public map (the resident's report): every asset inside `division`, which the map covers.
    static func markers(within division: DivisionCode, map: GridMapModel, english: Bool, on db: any Database) async throws -> String {
        let rows = try await CityAsset.query(on: db).within(\.$divisionCode, division).sort(\.$code).limit(2_000).all()
        return try markers(rows, map: map, english: english)
    }

    /// The asset a resident's report names by its code (picked on the public map, scanned or typed) inside
    /// `division`; nil when the code is no such asset.
    static func named(_ code: String?, within division: DivisionCode, on db: any Database) async throws -> CityAsset? {
        guard let code = AssetCode((code ?? "").replacingOccurrences(of: " ", with: "")) else { return nil }
        return try await CityAsset.query(on: db).within(\.$divisionCode, division).filter(\.$code == code.value).first()
    }

    static func markers(_ rows: [CityAsset], map: GridMapModel, english: Bool) throws -> String {
        let markers = rows.compactMap { row -> Marker? in
            guard let id = row.id else { return nil }
            let x = (row.longitude - map.minLon) * map.lonFactor * map.scale
            let y = (map.maxLat - row.latitude) * map.scale
            let kind = AssetClasses.named(row.classCode)?.title(english: english) ?? row.classCode
            return Marker(
                id: id.uuidString, code: row.code, x: String(format: "%.1f", x), y: String(format: "%.1f", y),
                label: "\(kind) \(row.name) \(row.code)", status: row.status)
        }
        return String(decoding: try JSONEncoder().encode(markers), as: UTF8.self)
    }

    /// The asset a form names by its code (picked on the map, scanned or typed), in `principal`'s scope; nothing
    /// named is nil; a code that is not an asset the person may see is a problem beside `field`.
    static func named(_ code: String?, field: String, for principal: Principal, _ req: Request) async throws -> CityAsset? {
        let text = (code ?? "").replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { return nil }
        guard principal.role.can(.viewAssets), let asset = try? await AssetLookup.find(text, for: principal, on: req.db) else {
            var checks = InputValidator(req)
            checks.fail(field, key: "fw_asset_code_unknown")
            try checks.finish()
            return nil
        }
        return asset
    }

    /// `input` filed at `asset`'s place (its division, position and, unless one was typed, its address).
    static func placed(_ input: NewWorkOrder, at asset: CityAsset) -> NewWorkOrder {
        var input = input
        input.divisionCode = asset.divisionCode
        input.latitude = asset.latitude
        input.longitude = asset.longitude
        if (input.address ?? "").trimmingCharacters(in: .whitespaces).isEmpty { input.address = asset.address ?? asset.name }
        return input
    }

    /// Adds the order to the asset's history.
    static func record(_ order: WorkOrder, on asset: CityAsset, by actor: UUID?, on db: any Database) async throws {
        try await CityAssetEvent(assetID: try asset.requireID(), kind: "reported", orderID: try order.requireID(), actorID: actor, at: Date())
            .save(on: db)
    }
}
