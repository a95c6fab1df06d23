import Vapor
import Fluent
import LianxinCore

/// What a grid import did.
struct GridImportReport: Content {
    var added: Int
    var changed: Int
    var unchanged: Int
    var retired: Int
}

/// Loads grids from GeoJSON: the whole file or nothing. Every problem (malformed GeoJSON, unknown
/// community, ring errors, self-intersections, duplicate codes, overlaps between sibling grids —
/// including grids already in force that stay — and area outside the community when its boundary
/// is given) is reported at once, each under its feature, and nothing is written. A grid whose
/// geometry or name changes gets a new version; the old one is closed, never rewritten.
struct GridImporter {
    let app: Application

    /// Imports `data` (a FeatureCollection with `code`, `name`, `parent` properties). With
    /// `replace`, grids in force in the file's communities that the file leaves out are retired.
    func importGeoJSON(_ data: Data, coordinates: CoordinateSystem, replace: Bool,
                       communityBounds: [String: AreaGeometry] = [:], actor: AuditActor) async throws -> GridImportReport {
        var features: [GridFeature]
        do {
            features = try GeoJSONReader(coordinateSystem: coordinates).read(data)
        } catch {
            let field = error.featureIndex.map { "/features/\($0)" } ?? "/features"
            throw Problem.invalid(field: field, "\(error.englishMessage) / \(error.chineseMessage)")
        }
        guard !features.isEmpty else { throw Problem.invalid(field: "/features", "the file has no grid / 文件中没有网格") }
        var errors: [Problem.FieldError] = []
        for index in features.indices where features[index].parentCode == nil && features[index].code.count > 12 {
            features[index].parentCode = String(features[index].code.prefix(12))
        }
        let parents = Set(features.compactMap(\.parentCode))
        let communities = Set(try await Division.query(on: app.db).filter(\.$id ~~ parents)
            .filter(\.$level == DivisionLevel.community.rawValue).all().compactMap(\.id))
        for (index, feature) in features.enumerated() {
            if feature.code.isEmpty || feature.code.count > 40 {
                errors.append(.init(field: "/features/\(index)/properties/code", message: "a grid code of 1–40 characters / 网格编码须为 1–40 位"))
            }
            guard let parent = feature.parentCode else {
                errors.append(.init(field: "/features/\(index)/properties/parent", message: "grid \(feature.code): give the community code (parent) / 缺少所属社区代码"))
                continue
            }
            if !communities.contains(parent) {
                errors.append(.init(field: "/features/\(index)/properties/parent",
                                    message: "grid \(feature.code): \(parent) is not a known community or village / 所属社区 \(parent) 不存在"))
            }
        }

        let inForce = try await Grid.query(on: app.db).filter(\.$validTo == nil).filter(\.$communityCode ~~ parents).all()
        let fileCodes = Set(features.map(\.code))
        let staying = replace ? [] : inForce.filter { !fileCodes.contains($0.code) }
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
                message = "overlaps grid \(issue.code), which is in force and not in the file / 与现行网格 \(issue.code) 重叠: " + message
            }
            errors.append(.init(field: index < fileCount ? "/features/\(index)" : "/features", message: message))
        }
        guard errors.isEmpty else { throw Problem.invalid(Array(errors.prefix(200)), detail: "The grid file was not imported: \(errors.count) problem(s) / 网格文件未导入") }

        let now = app.lianxin.now()
        let writer = GeoJSONWriter()
        let current = Dictionary(inForce.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let valid = features
        let report = try await app.lianxin.writes.run {
            try await app.db.transaction { db -> GridImportReport in
                var report = GridImportReport(added: 0, changed: 0, unchanged: 0, retired: 0)
                for feature in valid {
                    var stored = feature
                    stored.properties = [:]
                    let geometry = String(decoding: writer.write([stored]), as: UTF8.self)
                    let name = feature.name ?? feature.code
                    if let old = current[feature.code] {
                        let oldGeometry = (try? reader.read(Data(old.geometry.utf8)).first)?.geometry
                        if oldGeometry == feature.geometry, old.name == name, old.communityCode == feature.parentCode {
                            report.unchanged += 1
                            continue
                        }
                        old.validTo = now
                        try await old.update(on: db)
                        report.changed += 1
                    } else {
                        report.added += 1
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
                if replace {
                    for old in inForce where !fileCodes.contains(old.code) {
                        old.validTo = now
                        try await old.update(on: db)
                        report.retired += 1
                    }
                }
                try await AuditLog.record(.gridsImported, result: .success, actor: actor, target: "grids",
                                          detail: "added \(report.added), changed \(report.changed), unchanged \(report.unchanged), retired \(report.retired)",
                                          at: now, on: db)
                return report
            }
        }
        app.lianxin.referenceCache.clear()
        return report
    }

    /// The grids in force under `division` as a GeoJSON FeatureCollection (WGS84 or GCJ-02), with
    /// `code`, `name`, `parent`, `version`, `generated` and `validFrom` properties.
    func export(under division: String, coordinates: CoordinateSystem) async throws -> (data: Data, count: Int) {
        let grids = try await Grid.query(on: app.db).filter(\.$validTo == nil)
            .filter(\.$communityCode, .custom("LIKE"), division + "%").sort(\.$code).all()
        let reader = GeoJSONReader()
        let features = grids.compactMap { grid -> GridFeature? in
            guard var feature = try? reader.read(Data(grid.geometry.utf8)).first else { return nil }
            feature.code = grid.code
            feature.name = grid.name
            feature.parentCode = grid.communityCode
            feature.properties = ["version": .number(Double(grid.version)), "generated": .bool(grid.generated),
                                  "validFrom": .string(ISOTimestamp.format(grid.validFrom))]
            return feature
        }
        return (GeoJSONWriter(coordinateSystem: coordinates).write(features), features.count)
    }
}
