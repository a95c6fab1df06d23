import Fluent
import Foundation
import LianxinCore
import Vapor

/// The writes of the asset registry: the all-or-nothing import, edits, and reports naming an asset. Every write and
/// the history line it leaves are one transaction.
struct AssetService {
    let req: Request
    let principal: Principal

    /// How many assets an import added and changed.
    struct ImportResult: Content {
        var created: Int
        var updated: Int
    }

    /// Reads and checks the whole file, then writes every asset or none: a refused file answers 422 with one problem
    /// per row and field (`/rows/{n}/{field}`), the validation report.
    func importFile(_ data: Data) async throws -> ImportResult {
        let units = try await Department.query(on: req.db).filter(\.$active == true).all()
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let scope = principal.division
        let check = AssetImport(
            data: data, isKnownUnit: { byCode[$0] != nil },
            inScope: { county in county.hasPrefix(scope.value) || scope.value.hasPrefix(county) })
        var problems = check.problems.map { problem in
            Problem.FieldError(field: "/rows/\(problem.row)/\(problem.field)", message: Self.message(problem.reason))
        }
        // The place of each asset must lie in the importer's division, and its owner must be a unit that serves it.
        var placed: [(AssetRecord, division: String, owner: UUID)] = []
        let locator = try await ReferenceData.locator(req.lianxin.referenceCache, on: req.db)
        for (index, record) in check.records.enumerated() {
            let division = Self.division(of: record, locator: locator)
            guard let code = DivisionCode(division), scope.contains(code) else {
                problems.append(Problem.FieldError(field: "/rows/\(index + 1)/position", message: Self.message(.outsideScope)))
                continue
            }
            guard let unit = byCode[record.ownerUnitCode], let id = unit.id,
                try await DepartmentLookup.usable([id], division: code, for: principal, on: req.db) != nil
            else {
                problems.append(Problem.FieldError(field: "/rows/\(index + 1)/ownerUnit", message: Self.message(.unknownUnit)))
                continue
            }
            placed.append((record, division, id))
        }
        guard problems.isEmpty else {
            throw Problem.invalid(problems, detail: "The file was not imported; fix the rows listed / 文件未导入，请修改所列行后重新导入")
        }
        let now = Date()
        let actor = principal.userID
        let toWrite = placed
        return try await req.db.transaction { db in
            var result = ImportResult(created: 0, updated: 0)
            let existing = try await CityAsset.query(on: db).filter(\.$code ~~ toWrite.map(\.0.code.value)).all()
            let known = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            for (record, division, owner) in toWrite {
                let row = known[record.code.value] ?? CityAsset()
                let isNew = row.id == nil
                let before = isNew ? nil : Self.summary(row)
                row.code = record.code.value
                row.classCode = record.assetClass.code
                row.name = record.name
                row.divisionCode = division
                row.longitude = record.position.lon
                row.latitude = record.position.lat
                row.address = record.address
                row.ownerDepartmentID = owner
                row.status = record.status.rawValue
                if isNew { row.createdAt = now }
                row.updatedAt = now
                try await row.save(on: db)
                let after = Self.summary(row)
                if isNew || before != after {
                    try await CityAssetEvent(
                        assetID: try row.requireID(), kind: isNew ? "registered" : "imported", detail: isNew ? nil : after, actorID: actor, at: now
                    ).save(on: db)
                }
                if isNew { result.created += 1 } else { result.updated += 1 }
            }
            return result
        }
    }

    /// Changes the status, owner unit or name of one asset, with a history line naming what changed.
    func edit(_ asset: CityAsset, status: String?, ownerUnitID: UUID?, name: String?) async throws -> CityAsset {
        var checks: [Problem.FieldError] = []
        let newStatus = status.map { AssetStatus(text: $0) }
        if let newStatus, newStatus == nil {
            checks.append(Problem.FieldError(field: "/status", message: Self.message(.badStatus)))
        }
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmed, trimmed.isEmpty || trimmed.count > 100 {
            checks.append(Problem.FieldError(field: "/name", message: "1 to 100 characters / 须为 1 至 100 个字"))
        }
        if let ownerUnitID, let division = DivisionCode(asset.divisionCode),
            try await DepartmentLookup.usable([ownerUnitID], division: division, for: principal, on: req.db) == nil
        {
            checks.append(Problem.FieldError(field: "/ownerUnitId", message: Self.message(.unknownUnit)))
        }
        guard checks.isEmpty else { throw Problem.invalid(checks) }
        var changes: [String] = []
        if let status = newStatus??.rawValue, status != asset.status {
            changes.append("status: \(asset.status) → \(status)")
            asset.status = status
        }
        if let ownerUnitID, ownerUnitID != asset.ownerDepartmentID {
            changes.append("owner")
            asset.ownerDepartmentID = ownerUnitID
        }
        if let trimmed, trimmed != asset.name {
            changes.append("name")
            asset.name = trimmed
        }
        guard !changes.isEmpty else { return asset }
        let now = Date()
        asset.updatedAt = now
        let actor = principal.userID
        let detail = changes.joined(separator: "; ")
        try await req.db.transaction { db in
            try await asset.save(on: db)
            try await CityAssetEvent(assetID: try asset.requireID(), kind: "edited", detail: detail, actorID: actor, at: now)
                .save(on: db)
        }
        return asset
    }

    /// Files an order about `asset` at its place, routed to its owner unit, and adds it to the asset's history.
    func report(_ asset: CityAsset, _ input: NewWorkOrder) async throws -> (WorkOrder, created: Bool) {
        var input = input
        input.divisionCode = asset.divisionCode
        input.latitude = asset.latitude
        input.longitude = asset.longitude
        if (input.address ?? "").isEmpty { input.address = asset.address ?? asset.name }
        let service = WorkOrderService(application: req.application, database: req.db)
        var valid = try await service.validate(input, scope: principal.division)
        valid.assetOwnerID = asset.ownerDepartmentID
        let key = try req.idempotencyKey(owner: principal.userID.uuidString)
        let (order, created) = try await service.create(valid, by: principal.workOrderActor, idempotencyKey: key)
        if created {
            try await CityAssetEvent(
                assetID: try asset.requireID(), kind: "reported", orderID: try order.requireID(), actorID: principal.userID, at: Date()
            ).save(on: req.db)
        }
        return (order, created)
    }

    /// The smallest division of the asset's place: the community of the grid it lies in when that is in the code's
    /// county, else the county of the code.
    static func division(of record: AssetRecord, locator: ReferenceData.GridPlacement) -> String {
        let county = record.code.countyCode
        if let community = locator.path(at: record.position)?.community, community.hasPrefix(county) { return community }
        return county
    }

    static func summary(_ row: CityAsset) -> String {
        "\(row.classCode) \(row.name) (\(row.longitude), \(row.latitude)) \(row.status)"
    }

    /// The problem's text in both languages, as every problem body carries it.
    static func message(_ reason: AssetImportProblem.Reason) -> String {
        "\(reason.message(english: true)) / \(reason.message(english: false))"
    }
}
