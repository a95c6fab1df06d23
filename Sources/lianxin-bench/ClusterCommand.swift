import Foundation
import LianxinCore

/// `cluster`: SpatialDBSCAN over a points file, timed.
struct ClusterCommand {
    /// The float64 (lon, lat) points file.
    let pointsPath: String
    /// DBSCAN's radius in metres.
    let radiusMeters: Double
    /// Neighbours, the point included, that make a core point.
    let minimumPoints: Int
    /// Where the per-point labels go, if anywhere.
    let labelsPath: String?
    /// Runs of the clustering; the best counts.
    let repeatCount: Int

    /// Reads `--points FILE --radius-m METRES --min-points M [--labels-out FILE] [--repeat K]`.
    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        pointsPath = try arguments.string("--points")
        radiusMeters = try arguments.positiveNumber("--radius-m")
        minimumPoints = try arguments.integer("--min-points", minimum: 1)
        labelsPath = arguments.optionalString("--labels-out")
        repeatCount = try arguments.integer("--repeat", minimum: 1, default: 1)
        try arguments.finish()
    }

    /// Clusters the points (best of `repeatCount`, single thread); prints
    /// {points, radius_m, min_points, seconds, clusters, noise} and writes the labels if asked.
    func run() throws {
        let points = try BenchSupport.readPoints(pointsPath)
        let clusterer = SpatialDBSCAN(radiusMeters: radiusMeters, minimumPoints: minimumPoints)
        let (seconds, labels) = BenchSupport.bestOf(repeatCount) { clusterer.labels(for: points) }
        if let labelsPath { try BenchSupport.writeInt32s(labels.map { Int32($0) }, to: labelsPath) }
        try BenchSupport.printResult([
            "points": points.count,
            "radius_m": radiusMeters,
            "min_points": minimumPoints,
            "seconds": seconds,
            "clusters": (labels.max() ?? -1) + 1,
            "noise": labels.count { $0 == SpatialDBSCAN.noise },
        ])
    }
}
