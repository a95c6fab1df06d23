import Fluent
import Foundation
import LianxinCore

/// Generated grids for the demo: 信州区's public county outline cut into a jittered lattice and
/// handed out to its communities. They are not real grid boundaries, and every row says `generated`.
enum DemoGrids {
    /// About four grids per community.
    static let gridsPerCommunity = 4

    /// Adds the generated grids when the county has none; returns how many were added.
    static func seed(county: String, resourcesDirectory: String, on db: any Database, now: Date) async throws -> Int {
        guard let scope = DivisionCode(county) else { return 0 }
        let communities = try await Division.query(on: db).filter(\.$level == DivisionLevel.community.rawValue)
            .within(\.$id, scope).sort(\.$id).all().compactMap(\.id)
        guard !communities.isEmpty, try await Grid.query(on: db).within(\.$communityCode, scope).count() == 0 else { return 0 }
        let path = (resourcesDirectory as NSString).appendingPathComponent("Data/boundary-\(county).geojson")
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let outline = try GeoJSONReader().read(data)
        guard let area = outline.first?.geometry else { return 0 }
        let generator = GridGenerator(options: .init(targetCount: communities.count * gridsPerCommunity, seed: 361102))
        let features = try generator.generate(in: area, communities: communities)
        let writer = GeoJSONWriter()
        try await db.transaction { tx in
            for feature in features {
                let grid = Grid()
                grid.code = feature.code
                grid.version = 1
                grid.name = feature.name ?? feature.code
                grid.communityCode = feature.parentCode ?? String(feature.code.prefix(12))
                grid.geometry = String(decoding: writer.write([feature]), as: UTF8.self)
                grid.generated = true
                grid.validFrom = now
                try await grid.create(on: tx)
            }
        }
        return features.count
    }
}
