import Vapor
import Fluent
import LianxinCore

/// Hotspots as the API and the pages show them (the hotspots page, the dashboard's hotspot panel).
enum HotspotPresenter {
    /// The latest finished pass and its hotspots in the principal's division (`status` all, open, tasked or dismissed).
    static func latest(for principal: Principal, status: String, _ req: Request) async throws -> HotspotsController.HotspotList {
        guard let run = try await HotspotQueries.latestRun(on: req.db) else { return HotspotsController.HotspotList(run: nil, items: []) }
        let records = try await HotspotQueries.records(
            of: run.requireID(), within: principal.division,
            status: status == "all" ? nil : status, on: req.db)
        var items: [HotspotsController.HotspotDTO] = []
        for record in records { items.append(try await dto(record, req, samples: false, principal: principal)) }
        return HotspotsController.HotspotList(run: HotspotsController.RunDTO(run), items: items)
    }

    /// A hotspot with its names, explanation and (when asked) the sample orders the principal may see.
    static func dto(_ record: HotspotRecord, _ req: Request, samples: Bool, principal: Principal) async throws -> HotspotsController.HotspotDTO {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let english = req.language == .en
        let division = try await Division.find(record.divisionCode, on: req.db)?.name ?? record.divisionCode
        let categories = JSONColumn.list(Hotspot.CategoryCount.self, from: record.categories).map {
            HotspotsController.CategoryCount(code: $0.category, name: catalog.categories[$0.category]?.name ?? $0.category, count: $0.count)
        }
        let categoryName = catalog.categories[record.categoryCode]?.name ?? record.categoryCode
        let run = try await HotspotRun.find(record.runID, on: req.db)
        let window =
            run.flatMap { try? JSONDecoder().decode(HotspotService.Settings.self, from: Data($0.parameters.utf8)) }?
            .detection.windowHours ?? HotspotParameters().windowHours
        var sampleRows: [HotspotsController.Sample]?
        if samples {
            let ids = HotspotService.decodeIDs(record.sampleIDs)
            let visible = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$id ~~ ids).all()
                .reduce(into: [UUID: WorkOrder]()) { $0[$1.id!] = $1 }
            sampleRows = ids.compactMap { visible[$0] }.map {
                HotspotsController.Sample(orderId: $0.id!, number: $0.number, title: $0.title, status: $0.status, createdAt: $0.createdAt)
            }
        }
        return HotspotsController.HotspotDTO(
            id: try record.requireID(), runId: record.runID, divisionCode: record.divisionCode, divisionName: division,
            mainDivisionCode: record.mainDivisionCode, latitude: record.latitude, longitude: record.longitude,
            radiusMeters: record.radiusMeters.rounded(), orderCount: record.orderCount, previousCount: record.previousCount,
            trend: record.trend, categoryCode: record.categoryCode, categoryName: categoryName, categories: categories,
            firstAt: record.firstAt, lastAt: record.lastAt, windowHours: window,
            explanation: HotspotService.explanation(record, division: division, category: categoryName, windowHours: window, english: english),
            status: record.status == "tasking" ? "open" : record.status, taskOrderId: record.taskOrderID, note: record.note,
            samples: sampleRows)
    }
}
