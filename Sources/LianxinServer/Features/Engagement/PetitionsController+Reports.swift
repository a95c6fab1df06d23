import Vapor
import Fluent
import LianxinCore

/// The bodies of the 日日清、周周审、月月结 reports.
extension PetitionsController {
    struct DailyItem: Content {
        var petition: PetitionDTO
        var daysWaiting: Int
        var answerDue: String
        var overdue: Bool
    }

    struct Daily: Content {
        var day: String
        var items: [DailyItem]
    }

    struct Weekly: Content {
        var weekStart: String
        var weekEnd: String
        var received: Int
        var answered: Int
        var closed: Int
        var stillUnanswered: Int
        var overdue: Int
        var items: [PetitionDTO]
        var reviewed: Int
    }

    struct Monthly: Content {
        var month: String
        var received: Int
        var firstTime: Int
        var answered: Int
        var closed: Int
        var closedOnTime: Int
        var receivedAndClosed: Int
        var carriedOver: Int
        var overdueOpen: Int
        var closeRate: Double?
        var onTimeRate: Double?
        var limits: String
    }
}
