import Foundation
import Vapor
import LianxinCore

/// The bodies of the talent API and forms (strings, as forms post them; lists `;`- or comma-separated).
struct TalentOrganisationInput: Content {
    var name: String?
    var kind: String?
    var shares: Bool?
    var demands: Bool?
    var division: String?
    var contactName: String?
    var contactPhone: String?
}

struct TalentProfileInput: Content {
    var name: String?
    var pool: String?
    var homeOrgID: String?
    var division: String?
    var phone: String?
    var idNumber: String?
    var skills: [String]?
    /// `code:YYYY-MM-DD` (last valid day) items.
    var certificates: [String]?
    var experienceYears: Int?
    var experience: String?
    /// `YYYY-MM-DD/YYYY-MM-DD` windows.
    var availability: [String]?
    var modes: [String]?
    var lat: Double?
    var lon: Double?
    var consented: Bool?
}

struct TalentDemandInput: Content {
    var orgID: String?
    var orgName: String?
    var division: String?
    var post: String?
    var skills: [String]?
    var certificates: [String]?
    var mode: String?
    var startsOn: String?
    var endsOn: String?
    var headcount: Int?
    var place: String?
    var payTerms: String?
}

struct TalentSupplyInput: Content {
    var orgID: String?
    var skills: [String]?
    var headcount: Int?
    var profileIDs: [String]?
    var modes: [String]?
    var startsOn: String?
    var endsOn: String?
    var note: String?
}

struct TalentAgreementInput: Content {
    var demandID: String?
    var profileID: String?
    var deliverables: [String]?
    var termMonths: Int?
    var terms: String?
}

struct TalentMemberInput: Content { var username: String? }

struct TalentReviewInput: Content {
    var decision: String?
    var note: String?
}

struct TalentActionInput: Content {
    /// approve, refuse, withdraw, start, end or evaluate.
    var action: String?
    /// The centre records the person's own approval or evaluation with `person`.
    var party: String?
    var score: Int?
    var note: String?
}

/// Checks of the vocabulary-bound fields.
extension InputValidator {
    mutating func skills(_ values: [String]?, _ field: String, required: Bool, in vocabulary: TalentVocabulary) -> [String] {
        let known = Set(vocabulary.tradeOfSkill.keys)
        let skills = Array(Set((values ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
        if required && skills.isEmpty { fail(field, key: "talent_skills_required") }
        if skills.contains(where: { !known.contains($0) }) { fail(field, key: "talent_skill_unknown") }
        return skills
    }

    mutating func certificateCodes(_ values: [String]?, _ field: String, in vocabulary: TalentVocabulary) -> [String] {
        let known = Set(vocabulary.certificates.map(\.code))
        let codes = Array(Set((values ?? []).filter { !$0.isEmpty })).sorted()
        if codes.contains(where: { !known.contains($0) }) { fail(field, key: "talent_certificate_unknown") }
        return codes
    }

    mutating func period(_ start: String?, _ end: String?, _ field: String) -> TalentPeriod? {
        guard let period = TalentPeriod(from: start ?? "", to: end ?? "") else {
            fail(field, key: "talent_period_invalid")
            return nil
        }
        if period.end < period.start { fail(field, key: "talent_period_reversed") }
        return period
    }
}
