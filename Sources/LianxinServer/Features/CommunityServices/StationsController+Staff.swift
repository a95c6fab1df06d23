import Vapor
import Fluent
import LianxinCore

/// Listing and creating stations for staff.
extension StationsController {
    func list(req: Request) async throws -> [StationDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let rows = try await CommunityScope.limit(ServiceStation.query(on: req.db), to: principal).sort(\.$name).all()
        return try await Self.dtos(rows, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let station = try await Self.create(try req.content.decode(StationInput.self), principal: principal, req)
        return try await Self.dtos([station], req)[0].encodeResponse(status: .created, for: req)
    }

    static func create(_ input: StationInput, principal: Principal, _ req: Request) async throws -> ServiceStation {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        let kind = ServiceStationKind(rawValue: input.kind ?? "")
        if kind == nil { checks.fail("/kind", "one of \(ServiceStationKind.allCases.map(\.rawValue).joined(separator: ", "))") }
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
