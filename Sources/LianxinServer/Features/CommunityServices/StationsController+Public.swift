import Vapor
import Fluent
import LianxinCore

/// The public list of active stations, and the station DTOs.
extension StationsController {
    func publicList(req: Request) async throws -> [StationDTO] {
        try await Self.publicStations(
            community: try? req.query.get(String.self, at: "community"), kind: try? req.query.get(String.self, at: "kind"), req)
    }

    static func publicStations(community: String?, kind: String?, _ req: Request) async throws -> [StationDTO] {
        var query = ServiceStation.query(on: req.db).filter(\.$active == true)
        if let community, !community.isEmpty {
            guard CommunityScope.isCode(community), let code = DivisionCode(community) else {
                throw Problem.invalid(field: "community", "a division code / 区划代码")
            }
            query = query.within(\.$communityCode, code)
        }
        if let kind, !kind.isEmpty {
            guard ServiceStationKind(rawValue: kind) != nil else {
                throw Problem.invalid(field: "kind", "one of \(ServiceStationKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query = query.filter(\.$kind == kind)
        }
        return try await dtos(try await query.sort(\.$communityCode).sort(\.$name).limit(1000).all(), req)
    }

    static func dtos(_ rows: [ServiceStation], _ req: Request) async throws -> [StationDTO] {
        let codes = Array(Set(rows.map(\.communityCode)))
        let names =
            codes.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Division.query(on: req.db).filter(\.$id ~~ codes).all()
                    .map { ($0.id ?? "", $0.name) })
        let now = req.lianxin.now()
        let language = req.displayLanguage
        return try rows.map { row in
            let kind = ServiceStationKind(rawValue: row.kind) ?? .other
            return StationDTO(
                id: try row.requireID(), communityCode: row.communityCode, communityName: names[row.communityCode], name: row.name,
                kind: kind.rawValue, kindTitle: kind.title(language), address: row.address, latitude: row.latitude,
                longitude: row.longitude, services: JSONColumn.list(String.self, from: row.services), openingHours: row.openingHours,
                openNow: (try? OpeningHours(parsing: row.openingHours))?.isOpen(at: now) ?? false, phone: row.phone)
        }
    }
}
