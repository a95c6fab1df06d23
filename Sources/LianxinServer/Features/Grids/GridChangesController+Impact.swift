import Vapor
import Fluent
import LianxinCore

extension GridChangesController {
    /// What the change touches: per new grid the households, residents and recent orders inside it;
    /// per grid it replaces or retires, its own counts.
    static func impact(of change: GridChange, _ req: Request) async throws -> Impact {
        let features = (try? GeoJSONReader().read(Data(change.grids.utf8))) ?? []
        let since = req.lianxin.now().addingTimeInterval(-365 * 86_400)
        let communities = Set(features.compactMap(\.parentCode))
        let orders = try await WorkOrder.query(on: req.db).filter(\.$createdAt >= since)
            .filter(\.$divisionCode ~~ communities).filter(\.$latitude != nil)
            .field(\.$id).field(\.$latitude).field(\.$longitude).field(\.$gridCode).all()
        let buildings = try await Building.query(on: req.db).filter(\.$communityCode ~~ communities).all()
        let located = buildings.filter { $0.latitude != nil && $0.longitude != nil }
        var householdsByBuilding: [UUID: Int] = [:], residentsByBuilding: [UUID: Int] = [:]
        let locatedIDs = located.compactMap(\.id)
        for chunk in locatedIDs.chunked(500) {
            for household in try await Household.query(on: req.db).filter(\.$buildingID ~~ chunk).field(\.$id).field(\.$buildingID).all() {
                householdsByBuilding[household.buildingID, default: 0] += 1
            }
            for resident in try await Resident.query(on: req.db).filter(\.$buildingID ~~ chunk).field(\.$id).field(\.$buildingID).all() {
                residentsByBuilding[resident.buildingID, default: 0] += 1
            }
        }
        let newGrids = features.map { feature in
            let inside = located.filter { feature.geometry.contains(GeoPoint(lon: $0.longitude!, lat: $0.latitude!)) }.compactMap(\.id)
            return Impact.NewGrid(
                code: feature.code, name: feature.name ?? feature.code, communityCode: feature.parentCode ?? "",
                areaSquareMetres: (feature.geometry.area).rounded(),
                households: inside.reduce(0) { $0 + (householdsByBuilding[$1] ?? 0) },
                residents: inside.reduce(0) { $0 + (residentsByBuilding[$1] ?? 0) },
                ordersLast12Months: orders.filter { order in
                    guard let lat = order.latitude, let lon = order.longitude else { return false }
                    return feature.geometry.contains(GeoPoint(lon: lon, lat: lat))
                }.count)
        }
        let replacedCodes = Set(change.retiringCodes).union(features.map(\.code))
        var replaced: [Impact.OldGrid] = []
        for grid in try await Grid.query(on: req.db).filter(\.$validTo == nil).filter(\.$code ~~ replacedCodes).sort(\.$code).all() {
            let recent = try await WorkOrder.query(on: req.db).filter(\.$gridCode == grid.code).filter(\.$createdAt >= since).count()
            replaced.append(
                Impact.OldGrid(
                    code: grid.code, name: grid.name,
                    households: try await Household.query(on: req.db).filter(\.$gridCode == grid.code).count(),
                    residents: try await Resident.query(on: req.db).filter(\.$gridCode == grid.code).count(),
                    ordersLast12Months: recent))
        }
        return Impact(newGrids: newGrids, replacedGrids: replaced, buildingsWithoutPosition: buildings.count - located.count)
    }
}
