import Foundation
import Fluent
import Vapor
import LianxinCore

/// A profile as the viewer may see it: the name and phone masked until the viewer's organisation has
/// an agreed agreement with the person (or employs them); each look is recorded for the person.
struct TalentProfileDTO: Content {
    struct Certificate: Content {
        var code: String
        var label: String
        var expires: String
    }

    var id: UUID
    var name: String
    var pool: String
    var homeOrganisation: String?
    var skills: [String]
    var skillLabels: [String]
    var certificates: [Certificate]
    var experienceYears: Int
    var experience: String
    var availability: [String]
    var modes: [String]
    var consented: Bool
    var phone: String?
    var contactRevealed: Bool

    static func load(_ row: TalentProfile, viewer: TalentViewer, _ req: Request) async throws -> TalentProfileDTO {
        let id = try row.requireID()
        let revealed = try await viewer.seesContact(of: row, on: req.db)
        var home: TalentOrganisation?
        if let homeID = row.homeOrgID { home = try await TalentOrganisation.find(homeID, on: req.db) }
        var phone = try row.phoneCipher.map { try req.lianxin.cipher.open($0, for: .talentPhone, row: id) }
        if revealed, phone != nil {
            try await req.auditDisclosure(.talentContactRead, target: id.uuidString, recordDivision: row.divisionCode, detail: nil)
        } else {
            phone = phone.map(PersonalDataMask.phone)
        }
        let view = TalentProfileView()
        view.profileID = id
        view.viewer = viewer.principal.displayName
        var organisation: TalentOrganisation?
        if let orgID = viewer.orgID { organisation = try await TalentOrganisation.find(orgID, on: req.db) }
        view.viewerOrg = organisation?.name ?? ""
        view.viewedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await view.create(on: req.db) }
        let skills = TalentCodec.list(row.skills)
        return TalentProfileDTO(
            id: id, name: revealed ? row.name : PersonalDataMask.name(row.name), pool: TalentCodec.poolLabel(row.pool, req),
            homeOrganisation: home?.name, skills: skills, skillLabels: skills.map { TalentCodec.label($0, req) },
            certificates: TalentCodec.certificates(row.certificates).map {
                Certificate(code: $0.code, label: TalentCodec.label($0.code, req), expires: TalentCodec.day($0.expires))
            }, experienceYears: row.experienceYears, experience: row.experience,
            availability: TalentCodec.periods(row.availability).map { "\(TalentCodec.day($0.start)) – \(TalentCodec.day($0.end))" },
            modes: TalentCodec.list(row.modes).map { req.t("talent_mode_\($0)") }, consented: row.consented, phone: phone,
            contactRevealed: revealed)
    }
}

/// Ranked candidates with their reasons, in words.
struct TalentMatchesDTO: Content {
    struct Candidate: Content {
        var profileID: String
        var name: String
        var homeOrganisation: String?
        var score: Double
        var reasons: [String]
        var matchedSkills: [String]
        var missingSkills: [String]
    }

    var candidates: [Candidate]
    /// People sharing a skill who were left out, by reason (in words) and count.
    var excluded: [String: Int]

    init(_ ranking: TalentRanking, profiles: [UUID: TalentProfile], _ req: Request) {
        let english = req.language == .en
        candidates = ranking.matches.map { match in
            let row = UUID(uuidString: match.candidateID).flatMap { profiles[$0] }
            return Candidate(
                profileID: match.candidateID, name: row.map { PersonalDataMask.name($0.name) } ?? "", homeOrganisation: nil,
                score: match.score, reasons: TalentReasons.lines(match, req), matchedSkills: match.matchedSkills,
                missingSkills: match.missingSkills.map { TalentCodec.label($0, req) })
        }
        excluded = Dictionary(uniqueKeysWithValues: ranking.excluded.map { (req.t("talent_excluded_\($0.key.rawValue)"), $0.value) })
    }
}

/// The reasons of a match as sentences of the page's language.
enum TalentReasons {
    static func lines(_ match: TalentMatch, _ req: Request) -> [String] {
        let english = req.language == .en
        func fill(_ key: String, _ values: [String: String]) -> String {
            values.reduce(req.t(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        let separator = english ? ", " : "、"
        var lines = [
            fill(
                "talent_reason_skills",
                [
                    "matched": "\(match.matchedSkills.count)", "of": "\(match.matchedSkills.count + match.missingSkills.count)",
                    "names": match.matchedSkills.map { TalentCodec.label($0, req) }.joined(separator: separator),
                ])
        ]
        for certificate in match.certificates {
            lines.append(
                fill(
                    "talent_reason_certificate",
                    ["name": TalentCodec.label(certificate.code, req), "until": TalentCodec.day(certificate.expires)]))
        }
        lines.append(fill("talent_reason_availability", ["days": "\(match.availableDays)", "of": "\(match.periodDays)"]))
        if let km = match.distanceKm { lines.append(fill("talent_reason_distance", ["km": String(format: "%.0f", km)])) }
        lines.append(fill("talent_reason_experience", ["years": "\(match.experienceYears)"]))
        return lines
    }
}

/// An agreement as the API answers it.
struct TalentAgreementDTO: Content {
    var id: UUID?
    var status: String
    var mode: String
    var startsOn: String
    var endsOn: String
    var required: [String]
    var approvals: [String]
    var evaluations: [String]

    init(_ row: TalentAgreementRow) {
        id = row.id
        status = row.status
        mode = row.mode
        startsOn = row.startsOn
        endsOn = row.endsOn
        required = TalentCodec.list(row.required)
        approvals = TalentCodec.list(row.approvals)
        evaluations = TalentCodec.list(row.evaluations)
    }
}
