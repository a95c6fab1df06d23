import Foundation
import LianxinCore

/// `geo generate`: demo grids over Shangrao's box, written as GeoJSON.
struct GeoGenerateCommand {
    /// Shangrao's box, 117.5–118.5E × 28.2–28.8N, as the area to divide.
    static let area = AreaGeometry.polygon(
        Polygon(
            outer: LinearRing(closing: [
                GeoPoint(lon: 117.5, lat: 28.2), GeoPoint(lon: 118.5, lat: 28.2),
                GeoPoint(lon: 118.5, lat: 28.8), GeoPoint(lon: 117.5, lat: 28.8),
            ])))

    /// Grids per community the codes are shared out for, well below the generator's limit of 999.
    static let gridsPerCommunity = 500

    /// About how many grids to make.
    let targetCount: Int
    /// The generator's seed.
    let seed: UInt64
    /// Where the GeoJSON goes.
    let outputPath: String

    /// Reads `--grids N [--seed S] --grids-out FILE`.
    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        targetCount = try arguments.integer("--grids", minimum: 1)
        seed = UInt64(try arguments.integer("--seed", minimum: 0, default: 2024))
        outputPath = try arguments.string("--grids-out")
        try arguments.finish()
    }

    /// Generates the grids, writes them and prints {grids, multipolygons, generate_s}.
    func run() throws {
        let communities = (1...(targetCount / Self.gridsPerCommunity + 1)).map { String(format: "361102%06d", $0) }
        let generator = GridGenerator(options: GridGenerator.Options(targetCount: targetCount, seed: seed))
        let (seconds, features) = try BenchSupport.timed { try generator.generate(in: Self.area, communities: communities) }
        try GeoJSONWriter().write(features).write(to: URL(fileURLWithPath: outputPath))
        let multiPolygons = features.count { if case .multiPolygon = $0.geometry { true } else { false } }
        try BenchSupport.printResult(["grids": features.count, "multipolygons": multiPolygons, "generate_s": seconds])
    }
}

/// `geo measure`: PolygonIndex build time and batch lookup throughput over a grid file and a points file.
///
/// Answers are feature indices in file order, the numbering Shapely's `get_parts(from_geojson(...))`
/// gives a FeatureCollection (a MultiPolygon feature stays one geometry there too).
struct GeoMeasureCommand {
    /// The GeoJSON grid file.
    let gridsPath: String
    /// The float64 (lon, lat) points file.
    let pointsPath: String
    /// Runs of the build and of the lookups; the best of each counts.
    let repeatCount: Int
    /// Where the per-point answers go, if anywhere.
    let resultsPath: String?

    /// Reads `--grids FILE --points FILE [--repeat R] [--results-out FILE]`.
    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        gridsPath = try arguments.string("--grids")
        pointsPath = try arguments.string("--points")
        repeatCount = try arguments.integer("--repeat", minimum: 1, default: 3)
        resultsPath = arguments.optionalString("--results-out")
        try arguments.finish()
    }

    /// Builds the index and looks up all points in one batch, each best of `repeatCount`, single thread;
    /// prints {grids, points, build_s, lookup_s, lookups_per_s} and writes the answers if asked.
    func run() throws {
        let features = try GeoJSONReader().read(BenchSupport.readFile(gridsPath))
        let geometries = features.map(\.geometry)
        let points = try BenchSupport.readPoints(pointsPath)
        let (buildSeconds, index) = BenchSupport.bestOf(repeatCount) { PolygonIndex(geometries) }
        let (lookupSeconds, answers) = BenchSupport.bestOf(repeatCount) { index.areaIDs(containing: points) }
        if let resultsPath { try BenchSupport.writeInt32s(answers, to: resultsPath) }
        try BenchSupport.printResult([
            "grids": geometries.count,
            "points": points.count,
            "build_s": buildSeconds,
            "lookup_s": lookupSeconds,
            "lookups_per_s": Double(points.count) / lookupSeconds,
        ])
    }
}
