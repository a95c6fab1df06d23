import Vapor
import LianxinCore

/// An entry as written in the API or the form: every field text, so each mistake is named.
struct KnowledgeInput: Content, Sendable {
    var question: String?
    var answer: String?
    /// Other words callers use, separated by commas.
    var keywords: String?
    var categoryCode: String?
    /// The divisions the entry applies in (codes); empty means the writer's own division.
    var divisionCodes: [String]?
    /// The responsible unit's code; a unit's own staff always write for their unit.
    var departmentCode: String?
    var validFrom: String?
    var validTo: String?
    /// What changed, for the version history.
    var note: String?
}

/// A checked entry, ready to write.
struct ValidKnowledge: Sendable {
    let question: String
    let answer: String
    let keywords: String
    let categoryCode: String?
    let divisions: [DivisionCode]
    let department: Department?
    let validFrom: String?
    let validTo: String?
    let note: String?
}

/// A decision on an entry: the action and, for refusals and withdrawals, the reason.
struct KnowledgeDecisionInput: Content, Sendable {
    var reason: String?
}
