import Vapor
import Fluent
import LianxinCore

/// Loads grids from GeoJSON: the whole file or nothing. Every problem (malformed GeoJSON, unknown
/// community, ring errors, self-intersections, duplicate codes, overlaps between sibling grids —
/// including grids already in force that stay — and area outside the community when its boundary
/// is given) is reported at once, each under its feature, and nothing is written. A grid whose
/// geometry or name changes gets a new version; the old one is closed, never rewritten.
struct GridImporter {
    let app: Application

    /// Imports `data` (a FeatureCollection with `code`, `name`, `parent` properties). With
    /// `replace`, grids in force in the file's communities that the file leaves out are retired;
    /// `retiring` names further grids in force to retire (a split or merge). With `dryRun` every
    /// check runs and the report says what would happen, but nothing is written.
    func importGeoJSON(
        _ data: Data, coordinates: CoordinateSystem, replace: Bool, retiring: Set<String> = [],
        communityBounds: [String: AreaGeometry] = [:], within scope: DivisionCode?, actor: AuditActor, dryRun: Bool = false
    ) async throws -> GridImportReport {
        var features: [GridFeature]
        do {
            features = try GeoJSONReader(coordinateSystem: coordinates).read(data)
        } catch {
            let field = error.featureIndex.map { "/features/\($0)" } ?? "/features"
            throw Problem.invalid(field: field, "\(error.englishMessage) / \(error.chineseMessage)")
        }
        guard !features.isEmpty else { throw Problem.invalid(field: "/features", "the file has no grid / 文件中没有网格") }
        // The vertex cap keeps validation (an O(n log n) sweep per grid) and storage bounded.
        try ImportLimits.checkVertices(
            features.reduce(0) { $0 + $1.geometry.rings.reduce(0) { $0 + $1.vertices.count } },
            limit: app.lianxin.settings.exposure.importGeoJSONVertices, InputValidator(app.lianxin.localizer))
        var checks = InputValidator(app.lianxin.localizer)
        for index in features.indices where features[index].parentCode == nil && features[index].code.count > 12 {
            features[index].parentCode = String(features[index].code.prefix(12))
        }
        let parents = Set(features.compactMap(\.parentCode))
        let communities = Set(
            try await Division.query(on: app.db).filter(\.$id ~~ parents)
                .filter(\.$level == DivisionLevel.community.rawValue).all().compactMap(\.id))
        for (index, feature) in features.enumerated() {
            if feature.code.isEmpty || feature.code.count > 40 {
                checks.fail("/features/\(index)/properties/code", "a grid code of 1–40 characters / 网格编码须为 1–40 位")
            }
            guard let parent = feature.parentCode else {
                checks.fail("/features/\(index)/properties/parent", "grid \(feature.code): give the community code (parent) / 缺少所属社区代码")
                continue
            }
            let inScope = scope.map { scope in DivisionCode(parent).map(scope.contains) ?? false } ?? true
            if !communities.contains(parent) || !inScope {
                checks.fail(
                    "/features/\(index)/properties/parent",
                    "grid \(feature.code): \(parent) is not a known community or village / 所属社区 \(parent) 不存在")
            }
        }

        let inForce = try await Grid.query(on: app.db).filter(\.$validTo == nil)
            .group(.or) { $0.filter(\.$communityCode ~~ parents).filter(\.$code ~~ retiring) }.all()
        let retirable = inForce.filter { grid in scope.map { DivisionCode(grid.communityCode).map($0.contains) ?? false } ?? true }
        for code in retiring.subtracting(retirable.map(\.code)).sorted() {
            checks.fail("/retiringCodes", "grid \(code) is not in force / 网格 \(code) 不存在或已撤销")
        }
        let fileCodes = Set(features.map(\.code))
        let staying = replace ? [] : inForce.filter { !fileCodes.contains($0.code) && !retiring.contains($0.code) }
        let reader = GeoJSONReader()
        let stayingFeatures = staying.compactMap { grid -> GridFeature? in
            guard var feature = try? reader.read(Data(grid.geometry.utf8)).first else { return nil }
            feature.code = grid.code
            feature.parentCode = grid.communityCode
            return feature
        }
        let fileCount = features.count
        for issue in GridValidator().validate(features + stayingFeatures, communities: communityBounds) {
            var index = issue.featureIndex
            var message = "\(issue.englishMessage) / \(issue.chineseMessage)"
            if index >= fileCount, case .overlap(_, let other, _) = issue.kind {
                index = other
                message =
                    "overlaps grid \(issue.code), which is in force and not in the file: \(issue.englishMessage)"
                    + " / 与现行网格 \(issue.code) 重叠：\(issue.chineseMessage)"
            }
            checks.fail(index < fileCount ? "/features/\(index)" : "/features", message)
        }
        guard checks.isValid else {
            throw Problem.invalid(
                Array(checks.errors.prefix(200)), detail: "The grid file was not imported: \(checks.errors.count) problem(s) / 网格文件未导入")
        }

        let now = app.lianxin.now()
        let writer = GeoJSONWriter()
        let current = Dictionary(inForce.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // What each feature does: unchanged, a new version of a grid in force, or a new grid.
        var writes: [(feature: GridFeature, replacing: Grid?)] = []
        var plan = GridImportReport(added: 0, changed: 0, unchanged: 0, retired: 0)
        for feature in features {
            if let old = current[feature.code] {
                let oldGeometry = (try? reader.read(Data(old.geometry.utf8)).first)?.geometry
                if oldGeometry == feature.geometry, old.name == (feature.name ?? feature.code), old.communityCode == feature.parentCode {
                    plan.unchanged += 1
                    continue
                }
                plan.changed += 1
                writes.append((feature, old))
            } else {
                plan.added += 1
                writes.append((feature, nil))
            }
        }
        let retired = inForce.filter { !fileCodes.contains($0.code) && (replace || retiring.contains($0.code)) }
        plan.retired = retired.count
        if dryRun { return plan }
        let pending = writes, outcome = plan
        let report = try await app.lianxin.writes.run {
            try await app.db.transaction { db -> GridImportReport in
                for (feature, old) in pending {
                    var stored = feature
                    stored.properties = [:]
                    let geometry = String(decoding: writer.write([stored]), as: UTF8.self)
                    let name = feature.name ?? feature.code
                    if let old {
                        old.validTo = now
                        try await old.update(on: db)
                    }
                    let newest = try await Grid.query(on: db).filter(\.$code == feature.code).max(\.$version) ?? 0
                    let grid = Grid()
                    grid.code = feature.code
                    grid.version = newest + 1
                    grid.name = name
                    grid.communityCode = feature.parentCode ?? ""
                    grid.geometry = geometry
                    grid.generated = false
                    grid.validFrom = now
                    try await grid.create(on: db)
                }
                for old in retired {
                    old.validTo = now
                    try await old.update(on: db)
                }
                try await AuditLog.record(
                    .gridsImported, result: .success, actor: actor, target: "grids",
                    detail: "added \(outcome.added), changed \(outcome.changed), unchanged \(outcome.unchanged), retired \(outcome.retired)",
                    at: now, on: db)
                return outcome
            }
        }
        app.lianxin.referenceCache.clear()
        return report
    }

    /// The grids in force under `division` as a GeoJSON FeatureCollection (WGS84 or GCJ-02), with
    /// `code`, `name`, `parent`, `version`, `generated` and `validFrom` properties. An empty division means every grid.
    func export(under division: String, coordinates: CoordinateSystem) async throws -> (data: Data, count: Int) {
        let scope = DivisionCode(division)
        guard scope != nil || division.isEmpty else { return (GeoJSONWriter(coordinateSystem: coordinates).write([]), 0) }
        let grids = try await GridQueries.gridsInForce(within: scope, on: app.db)
        let reader = GeoJSONReader()
        let features = grids.compactMap { grid -> GridFeature? in
            guard var feature = try? reader.read(Data(grid.geometry.utf8)).first else { return nil }
            feature.code = grid.code
            feature.name = grid.name
            feature.parentCode = grid.communityCode
            feature.properties = [
                "version": .number(Double(grid.version)), "generated": .bool(grid.generated),
                "validFrom": .string(ISOTimestamp.format(grid.validFrom)),
            ]
            return feature
        }
        return (GeoJSONWriter(coordinateSystem: coordinates).write(features), features.count)
    }
}
