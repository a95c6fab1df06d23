import Vapor
import Fluent
import LianxinCore

/// What the service-event endpoints accept and answer with.
extension ServiceEventsController {
    struct StallInput: Content {
        var name: String?
        var departmentId: UUID?
        var services: String?
    }

    struct EventInput: Content {
        var title: String?
        var kind: String?
        var place: String?
        /// The schedule in Chinese: 每周四 14:00-17:00, 每月第一个周六 08:00-12:00, 农历逢三、六、九 07:00-12:00.
        var schedule: String?
        var divisionCode: String?
        var stalls: [StallInput]?
    }

    struct StallDTO: Content {
        var id: UUID
        var name: String
        var departmentId: UUID?
        var departmentName: String?
        var services: String
    }

    struct OccurrenceDTO: Content {
        var day: String
        var start: Date
        var end: Date
        var lunar: String
    }

    struct TallyDTO: Content {
        var collected: Int
        var solvedOnSite: Int
        var becameOrders: Int
    }

    struct EventDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var title: String
        var kind: String
        var place: String
        var schedule: String
        /// The rule read back in the request's language.
        var scheduleDescription: String
        var stalls: [StallDTO]
        var next: [OccurrenceDTO]
        var tally: TallyDTO
    }
}
