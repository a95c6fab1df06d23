import Vapor
import Fluent
import LianxinCore

/// `lianxin hotspots`: runs a hotspot pass now (or shows the latest) and prints each hotspot's explanation.
struct HotspotsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "window-end", help: "End of the window (ISO 8601; default now).") var windowEnd: String?
        @Flag(name: "latest", help: "Print the latest pass instead of running one.") var latest: Bool
    }

    var help: String { "Finds hotspots among recent orders (未诉先办) and prints them; the serve loop also runs this on its schedule." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        var windowEnd = app.lianxin.now()
        if let text = signature.windowEnd {
            guard let parsed = ISOTimestamp.parse(text) else { throw CommandFailure("--window-end: not an ISO 8601 timestamp: \(text)") }
            windowEnd = parsed
        }
        let run: HotspotRun
        if signature.latest {
            guard let found = try await HotspotRun.query(on: app.db).filter(\.$finishedAt != nil).sort(\.$finishedAt, .descending).first() else {
                context.console.print("no hotspot pass yet")
                return
            }
            run = found
        } else {
            guard let done = try await HotspotService.run(app: app, windowEnd: windowEnd, slot: nil) else {
                throw CommandFailure("could not record the pass")
            }
            run = done
        }
        let settings = (try? JSONDecoder().decode(HotspotService.Settings.self, from: Data(run.parameters.utf8))) ?? .defaults
        let p = settings.detection
        context.console.print(
            "pass \(run.id?.uuidString ?? "") window ending \(ISOTimestamp.format(run.windowEnd)): \(run.orderCount) located orders, \(run.hotspotCount) hotspots in \(String(format: "%.1f", run.durationMilliseconds)) ms"
        )
        context.console.print(
            "parameters: radius \(Int(p.radiusMeters)) m, at least \(p.minimumOrders) orders, window \(Int(p.windowHours)) h, per category \(p.separatesCategories)"
        )
        let catalog = try await ReferenceData.catalog(app.lianxin.referenceCache, on: app.db)
        let records = try await HotspotRecord.query(on: app.db).filter(\.$runID == run.requireID()).sort(\.$orderCount, .descending).all()
        for record in records {
            let division = try await Division.find(record.divisionCode, on: app.db)?.name ?? record.divisionCode
            let category = catalog.categories[record.categoryCode]?.name ?? record.categoryCode
            context.console.print(
                "- [\(record.status)] "
                    + HotspotService.explanation(
                        record, division: division, category: category, windowHours: p.windowHours, english: false))
        }
    }
}
