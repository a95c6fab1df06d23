import Vapor
import Fluent
import Crypto
import LianxinCore

/// What the visit endpoints accept and answer with.
extension VisitsController {
    struct DueItem: Content {
        var householdId: UUID
        var address: String
        var gridCode: String
        var tags: [String]
        var lastVisitAt: Date?
        /// The Beijing day the visit is due (`YYYY-MM-DD`).
        var dueOn: String
        var daysOverdue: Int
        /// The tag whose rule set the day (nil: the rule for every household).
        var because: String?
    }

    struct FindingInput: Content {
        var description: String?
        /// `selfHandled` (closed on the spot, with `result`) or `workOrder` (filed with `categoryCode`).
        var outcome: String?
        var result: String?
        var categoryCode: String?
    }

    struct VisitInput: Content {
        var householdId: UUID?
        var visitedAt: Date?
        var latitude: Double?
        var longitude: Double?
        var note: String?
        var findings: [FindingInput]?
        /// Photos uploaded for this household by the visitor (`POST /visits/photos`), not yet on a visit.
        var photoIds: [UUID]?
    }

    struct Finding: Content {
        var description: String
        var outcome: String
        var result: String?
        var orderId: UUID?
        var orderNumber: String?
    }

    struct VisitDTO: Content {
        var id: UUID
        var householdId: UUID
        var gridCode: String
        var visitor: String
        var visitedAt: Date
        var latitude: Double?
        var longitude: Double?
        var note: String
        var findings: [Finding]
        var photoIds: [UUID]
    }

    struct CoverageRow: Content {
        var code: String
        var households: Int
        /// Households some rule applies to.
        var householdsWithRules: Int
        /// Of those, visited and still within their cadence (never visited counts as not covered).
        var visitedAsDue: Int
        var overdue: Int
        /// visitedAsDue ÷ householdsWithRules (nil when no household has a rule).
        var coverage: Double?
    }

    struct Coverage: Content {
        var formula: String
        var by: String
        var rows: [CoverageRow]
    }

    struct RuleDTO: Content { var tag: String; var cadence: String }
}
