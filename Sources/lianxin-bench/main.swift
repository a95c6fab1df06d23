import Foundation

/// `lianxin-bench`: benchmark driver for LianxinCore's geo index, hotspot clustering and classifier.
///
/// Each command prints its figures as one JSON object on the last line of standard output,
/// for the Python scripts under `scripts/` to read. Usage errors exit with status 64.
let usage = """
    usage: lianxin-bench geo generate --grids N [--seed S] --grids-out FILE
           lianxin-bench geo measure --grids FILE --points FILE [--repeat R] [--results-out FILE]
           lianxin-bench cluster --points FILE --radius-m METRES --min-points M [--labels-out FILE] [--repeat K]
           lianxin-bench classifier --train FILE.csv [--folds K]
           lianxin-bench talent [--profiles N] [--demands D] [--labelled L] [--seed S]

    geo generate  generates about N grids over Shangrao's box (117.5–118.5E × 28.2–28.8N) into a GeoJSON file
    geo measure   builds a PolygonIndex over the file's grids and looks up every point (best of R each);
                  writes, per point, the 0-based index of its grid in feature order or -1 (int32 LE)
    cluster       runs SpatialDBSCAN over the points (best of K); writes, per point, its cluster or -1 (int32 LE)
    classifier    k-fold evaluation, training and inference timings of the category classifier (text,label CSV)
    talent        talent matching: per-demand latency with the skill index and with a full scan (the anchor),
                  and precision@10 on a planted labelled set (defaults 100,000 people, 1,000 demands, 200 labelled)

    Points files hold float64 little-endian (lon, lat) pairs in WGS84 degrees.
    """

do {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let command = arguments.isEmpty ? "" : arguments.removeFirst()
    switch command {
    case "geo":
        let subcommand = arguments.isEmpty ? "" : arguments.removeFirst()
        switch subcommand {
        case "generate": try GeoGenerateCommand(try Arguments(arguments)).run()
        case "measure": try GeoMeasureCommand(try Arguments(arguments)).run()
        default: throw UsageError(subcommand.isEmpty ? "geo needs a subcommand" : "unknown geo subcommand '\(subcommand)'")
        }
    case "cluster":
        try ClusterCommand(try Arguments(arguments)).run()
    case "classifier":
        try ClassifierCommand(try Arguments(arguments)).run()
    case "talent":
        try TalentCommand(try Arguments(arguments)).run()
    case "-h", "--help", "help":
        print(usage)
    default:
        throw UsageError(command.isEmpty ? "missing command" : "unknown command '\(command)'")
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("lianxin-bench: \(error.message)\n\n\(usage)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("lianxin-bench: \(error)\n".utf8))
    exit(1)
}
