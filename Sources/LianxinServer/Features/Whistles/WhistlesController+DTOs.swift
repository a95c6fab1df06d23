import Vapor

/// What the whistle API reads and answers with.
extension WhistlesController {
    struct BlowInput: Content {
        var title: String?
        var description: String?
        var requiredArrivalAt: Date?
        var departmentIds: [UUID]?
        var orderId: UUID?
        var divisionCode: String?
    }

    struct SummonsDTO: Content {
        var departmentId: UUID
        var departmentName: String
        var reportedAt: Date?
        var onTime: Bool?
        var workNote: String?
        var score: Double?
    }

    struct WhistleDTO: Content {
        var id: UUID
        var title: String
        var description: String
        var divisionCode: String
        var orderId: UUID?
        var requiredArrivalAt: Date
        var status: String
        var result: String?
        var blownAt: Date
        var closedAt: Date?
        var departments: [SummonsDTO]
        var scoringFormula: String
    }
}
