import Vapor
import Fluent
import LianxinCore

/// What the service-station endpoints accept and answer with.
extension StationsController {
    struct StationInput: Content {
        var communityCode: String?
        var name: String?
        var kind: String?
        var address: String?
        var latitude: Double?
        var longitude: Double?
        /// Services offered, one per line (or a list in JSON).
        var services: [String]?
        var openingHours: String?
        var phone: String?
    }

    struct StationDTO: Content {
        var id: UUID
        var communityCode: String
        var communityName: String?
        var name: String
        var kind: String
        var kindTitle: String
        var address: String
        var latitude: Double
        var longitude: Double
        var services: [String]
        var openingHours: String
        var openNow: Bool
        var phone: String
    }
}
