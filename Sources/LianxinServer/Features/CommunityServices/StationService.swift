import Vapor
import Fluent
import LianxinCore

/// Service stations for the API and the pages: creating one, listing them for staff and the public.
enum StationService {
    typealias StationDTO = StationsController.StationDTO
    typealias StationInput = StationsController.StationInput

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
                throw Problem.invalid(field: "kind", "choose one of the options offered / 请从给出的选项中选择")
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

    static func create(_ input: StationInput, principal: Principal, _ req: Request) async throws -> ServiceStation {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        let kind = ServiceStationKind(rawValue: input.kind ?? "")
        if kind == nil { checks.fail("/kind", "choose one of the options offered / 请从给出的选项中选择") }
        let address = checks.text(input.address, "/address", 2...200)
        let point = GeoPoint(lon: input.longitude ?? .nan, lat: input.latitude ?? .nan)
        if !point.isValidWGS84 || (input.latitude == 0 && input.longitude == 0) {
            checks.fail("/latitude", "a WGS-84 position (latitude −90…90, longitude −180…180) / 请填写有效的经纬度")
        }
        let services = (input.services ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if services.isEmpty || services.count > 30 || services.contains(where: { $0.count > 50 || !InputValidator.isPlain($0) }) {
            checks.fail("/services", "1–30 services of up to 50 characters / 请填写 1–30 项服务")
        }
        var hours: OpeningHours?
        do {
            hours = try OpeningHours(parsing: input.openingHours ?? "")
        } catch {
            checks.fail("/openingHours", InputValidator.isPlain(error.description) ? error.description : "like 1-5 08:30-17:30 / 格式如 1-5 08:30-17:30")
        }
        let phone = checks.text(input.phone, "/phone", 0...30)
        try checks.finish()
        let station = ServiceStation()
        station.communityCode = community.id ?? ""
        station.name = name
        station.kind = kind?.rawValue ?? ServiceStationKind.other.rawValue
        station.address = address
        station.latitude = point.lat
        station.longitude = point.lon
        station.services = JSONColumn.text(services)
        station.openingHours = hours?.description ?? ""
        station.phone = phone
        station.active = true
        station.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await station.create(on: req.db) }
        return station
    }
}
