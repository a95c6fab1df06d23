import Vapor
import Fluent
import LianxinCore

/// What the activity endpoints accept and answer with.
extension ActivitiesController {
    struct ActivityInput: Content {
        var communityCode: String?
        var title: String?
        var place: String?
        var startsAt: String?
        var endsAt: String?
        var capacity: Int?
    }

    struct ActivityDTO: Content {
        var id: UUID
        var communityCode: String
        var title: String
        var place: String
        var startsAt: Date
        var endsAt: Date
        var capacity: Int
        var signedUp: Int
        /// The page the activity's QR code opens.
        var checkInUrl: String
        var signups: [SignUpDTO]?
    }

    struct SignUpDTO: Content {
        var volunteerId: UUID
        var name: String
        var signedUpAt: Date
        var checkedInAt: Date?
        var checkedOutAt: Date?
        var checkedBy: String?
        var minutes: Int?
    }

    struct SignUpInput: Content { var volunteerId: UUID? }

    struct AttendanceInput: Content {
        /// checkIn or checkOut.
        var action: String?
        var volunteerId: UUID?
        /// When, for a record made afterwards; now by default.
        var at: Date?
    }
}
