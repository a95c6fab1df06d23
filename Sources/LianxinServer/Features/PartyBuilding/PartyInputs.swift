import Vapor

/// What the party-points API and pages accept. Every field is optional so that a missing one is a 422 naming it.
struct PartyBranchInput: Content {
    var name: String?
    var secretaryName: String?
    var divisionCode: String?
}

struct PartyMemberInput: Content {
    var branchId: String?
    var name: String?
    /// `member` (党员) or `activist` (入党积极分子).
    var kind: String?
}

struct PartyPostInput: Content {
    var name: String?
    var duty: String?
    var divisionCode: String?
}

struct PartyClaimInput: Content {
    var postId: String?
    var year: Int?
}

struct PartyRuleInput: Content {
    var dimension: String?
    var label: String?
    var points: Int?
    var yearlyCap: Int?
    var divisionCode: String?
}

struct PartySchemeInput: Content {
    var divisionCode: String?
    var basePoints: Int?
    var dimensionCap: Int?
    var starThresholds: [Int]?
}

struct PartyEntryInput: Content {
    var memberId: String?
    var ruleId: String?
    var occurredOn: String?
    var evidence: String?
}

struct PartyDecisionInput: Content {
    var decision: String?
    var note: String?
}

struct PartyCreated: Content {
    var id: String
    var status: String?
}

/// One line of a member's ledger.
struct PartyEntryDTO: Content {
    var id: String
    var memberId: String
    var member: String
    var rule: String
    var dimension: String
    var points: Int
    var occurredOn: String
    var evidence: String
    var status: String
    var submittedBy: String
    var decidedBy: String?
    var decisionNote: String?
}

/// A member's year: base points, the dimensions after the caps, total, stars, posts claimed, households linked.
struct PartyLedgerDTO: Content {
    struct Dimension: Content {
        var dimension: String
        var points: Int
    }

    var memberId: String
    var name: String
    var kind: String
    var branchId: String
    var branch: String
    var year: Int
    var basePoints: Int
    var dimensions: [Dimension]
    var total: Int
    var stars: Int
    var posts: [String]
    var households: Int
    var householdLoad: String
    var entries: [PartyEntryDTO]
}

struct PartyRankingDTO: Content {
    struct Place: Content {
        var rank: Int
        var memberId: String
        var name: String
        var total: Int
        var stars: Int
    }

    var branchId: String
    var branch: String
    var year: Int
    var places: [Place]
}
