import Vapor
import LianxinCore

extension ImportCommands {
    /// `lianxin import basemap FILE.geojson`: the county's roads, rivers and landmarks for the maps.
    struct Basemap: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(
                name: "file",
                help:
                    "GeoJSON FeatureCollection: LineString/MultiLineString roads and rivers, Point landmarks; properties name and kind (road, river, landmark)."
            )
            var file: String
        }

        var help: String { "Replaces the maps' base layer (roads, rivers, landmarks); the whole file or nothing, with every problem listed." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("cannot read \(signature.file)") }
            do {
                let report = try await BasemapImporter(app: app).replace(with: data, actor: .commandLine)
                context.console.print("base layer: \(report.roads) roads, \(report.rivers) rivers, \(report.landmarks) landmarks")
            } catch let problem as Problem {
                for error in problem.errors { context.console.error(error.message) }
                throw CommandFailure(problem.detail)
            }
        }
    }
}
