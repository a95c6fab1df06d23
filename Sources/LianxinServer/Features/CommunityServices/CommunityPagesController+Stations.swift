import Vapor
import Fluent
import LianxinCore

/// The service-station page.
extension CommunityPagesController {
    struct StationsModel: Encodable, Sendable {
        var flash: Flash
        var stations: [StationsController.StationDTO]
        var kinds: [SelectOption]
        var canManage: Bool
        var communityChoice: Bool
        var communityPicker: DivisionPicker
        /// The point picker for a new station's position (our own SVG map of the division's grids and base layer).
        var map: GridMapModel
    }

    func stations(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let rows = try await CommunityScope.limit(ServiceStation.query(on: req.db), to: principal).sort(\.$name).all()
        return try await req.page(
            "community/stations", title: "cs_stations_title",
            model: StationsModel(
                flash: Flash(req), stations: try await StationService.dtos(rows, req),
                kinds: ServiceStationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(req.displayLanguage)) },
                canManage: principal.role.can(.manageCommunityServices), communityChoice: principal.division.level != .community,
                communityPicker: try await DivisionPicker.load(
                    req, id: "s-community", name: "communityCode", label: req.t("field_community"), under: principal.division,
                    selected: nil, only: .community, empty: req.t("field_picker_choose")),
                map: try await GridMapCache.map(of: principal.division, req)))
    }

    func addStation(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        struct Form: Content {
            var communityCode: String?; var name: String?; var kind: String?; var address: String?
            var latitude: String?; var longitude: String?; var services: String?; var openingHours: String?; var phone: String?
        }
        return try await req.communityForm(back: "/community/stations") {
            let form = try req.content.decode(Form.self)
            let station = try await StationService.create(
                StationsController.StationInput(
                    communityCode: form.communityCode, name: form.name, kind: form.kind, address: form.address,
                    latitude: form.latitude.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) },
                    longitude: form.longitude.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) },
                    services: (form.services ?? "").split(whereSeparator: { $0 == "\n" || $0 == "、" || $0 == "," }).map(String.init),
                    openingHours: form.openingHours, phone: form.phone), principal: principal, req)
            return req.t("cs_saved") + " " + station.name
        }
    }
}
