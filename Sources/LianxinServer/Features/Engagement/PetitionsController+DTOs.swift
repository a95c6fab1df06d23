import Vapor
import Fluent
import LianxinCore

/// What the petition endpoints accept and answer with.
extension PetitionsController {
    struct PetitionInput: Content {
        var channel: String?
        var receivedOn: String?
        var petitionerName: String?
        var petitionerPhone: String?
        var subject: String?
        var content: String?
        var divisionCode: String?
        /// Whether this is the petitioner's first petition on the matter; a phone seen on an earlier petition makes it a repeat.
        var firstTime: Bool?
    }

    struct TextInput: Content {
        var answer: String?
        var result: String?
        var note: String?
        var reason: String?
    }

    struct LinkInput: Content { var mediationCaseId: UUID? }

    struct ReviewDTO: Content {
        var week: String
        var reviewer: String
        var note: String
        var at: Date
    }

    struct PetitionDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var channel: String
        var channelName: String
        var firstTime: Bool
        var receivedOn: String
        var petitionerName: String
        var petitionerPhone: String?
        var subject: String
        var content: String
        var status: String
        var answer: String?
        var answeredOn: String?
        var result: String?
        var closedOn: String?
        var answerDue: String
        var closeDue: String
        var mediationCaseId: UUID?
        var reviews: [ReviewDTO]
    }
}
