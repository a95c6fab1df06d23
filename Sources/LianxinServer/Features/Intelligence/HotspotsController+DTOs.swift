import Vapor

/// What the hotspot API answers with.
extension HotspotsController {
    struct CategoryCount: Content { var code: String; var name: String; var count: Int }

    struct Sample: Content {
        var orderId: UUID
        var number: String
        var title: String
        var status: String
        var createdAt: Date
    }

    struct HotspotDTO: Content {
        var id: UUID
        var runId: UUID
        var divisionCode: String
        var divisionName: String
        var mainDivisionCode: String
        var latitude: Double
        var longitude: Double
        var radiusMeters: Double
        var orderCount: Int
        var previousCount: Int
        var trend: String
        var categoryCode: String
        var categoryName: String
        var categories: [CategoryCount]
        var firstAt: Date
        var lastAt: Date
        var windowHours: Double
        /// Where, what, how many, and the trend, in the reader's language.
        var explanation: String
        var status: String
        var taskOrderId: UUID?
        var note: String?
        /// A few member orders, latest first (detail only).
        var samples: [Sample]?
    }

    struct RunDTO: Content {
        var id: UUID
        var windowEnd: Date
        var finishedAt: Date?
        var orderCount: Int
        var hotspotCount: Int
        var durationMs: Double
        var parameters: HotspotService.Settings?

        init(_ run: HotspotRun) {
            id = run.id ?? UUID()
            windowEnd = run.windowEnd
            finishedAt = run.finishedAt
            orderCount = run.orderCount
            hotspotCount = run.hotspotCount
            durationMs = (run.durationMilliseconds * 10).rounded() / 10
            parameters = try? JSONDecoder().decode(HotspotService.Settings.self, from: Data(run.parameters.utf8))
        }
    }

    struct HotspotList: Content {
        /// The pass shown (the latest finished); nil before the first pass.
        var run: RunDTO?
        var items: [HotspotDTO]
    }
}
