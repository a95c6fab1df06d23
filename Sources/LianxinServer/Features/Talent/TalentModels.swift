import Foundation
import Fluent

/// An organisation on the talent-sharing platform: an enterprise, research institute or college, as a
/// sharing party (共享方), a demand party (需求方) or both, with its contact person.
final class TalentOrganisation: Model, @unchecked Sendable {
    static let schema = "talent_orgs"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// `enterprise`, `institute` or `college`.
    @Field(key: "kind") var kind: String
    @Field(key: "shares") var shares: Bool
    @Field(key: "demands") var demands: Bool
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "contact_name") var contactName: String
    @OptionalField(key: "contact_phone_cipher") var contactPhoneCipher: Data?

    init() {}
}

/// An account acting for an organisation (its 企业人才联络员).
final class TalentOrganisationMember: Model, @unchecked Sendable {
    static let schema = "talent_org_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "org_id") var orgID: UUID
    @Field(key: "username") var username: String

    init() {}
}

/// A person's profile in a talent pool: skills from the talent map's vocabulary, certificates with
/// expiry, availability windows and the modes they accept; phone and ID number sealed.
final class TalentProfile: Model, @unchecked Sendable {
    static let schema = "talent_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "pool") var pool: String
    @OptionalField(key: "home_org_id") var homeOrgID: UUID?
    @Field(key: "division_code") var divisionCode: String
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @OptionalField(key: "id_number_cipher") var idNumberCipher: Data?
    /// Skill codes, `;`-separated.
    @Field(key: "skills") var skills: String
    /// `code:YYYY-MM-DD` pairs (the last valid day), `;`-separated.
    @Field(key: "certificates") var certificates: String
    @Field(key: "experience_years") var experienceYears: Int
    @Field(key: "experience") var experience: String
    /// `YYYY-MM-DD/YYYY-MM-DD` windows, `;`-separated.
    @Field(key: "availability") var availability: String
    /// `SharingMode` raw values, `;`-separated.
    @Field(key: "modes") var modes: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lon") var lon: Double?
    /// The person agreed to be shared on the platform; without it no enterprise sees the profile.
    @Field(key: "consented") var consented: Bool
    /// The secret of the person's own page (who looked at the profile), sent to them once.
    @Field(key: "own_token_hash") var ownTokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One look at a profile by someone other than the person: shown to the person.
final class TalentProfileView: Model, @unchecked Sendable {
    static let schema = "talent_profile_views"

    @ID(key: .id) var id: UUID?
    @Field(key: "profile_id") var profileID: UUID
    @Field(key: "viewer") var viewer: String
    /// The viewer's organisation, or the centre.
    @Field(key: "viewer_org") var viewerOrg: String
    @Field(key: "viewed_at") var viewedAt: Date

    init() {}
}

/// A demand (需求/岗位): a post with its skills, certificates, mode, period, place and pay terms,
/// reviewed by the centre before it is published.
final class TalentDemand: Model, @unchecked Sendable {
    static let schema = "talent_demands"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "org_id") var orgID: UUID?
    /// The enterprise's name as given on the public page, until the centre links it to an organisation.
    @Field(key: "org_name") var orgName: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "post") var post: String
    @Field(key: "skills") var skills: String
    @Field(key: "certificates") var certificates: String
    @Field(key: "mode") var mode: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "headcount") var headcount: Int
    @Field(key: "place") var place: String
    @Field(key: "pay_terms") var payTerms: String
    /// Who to call about a demand sent from the public page (an organisation's own contact otherwise).
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_phone_cipher") var contactPhoneCipher: Data?
    /// `pending` (待审核), `published`, `rejected` or `closed`.
    @Field(key: "status") var status: String
    @OptionalField(key: "review_note") var reviewNote: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A sharing agreement made from a match (or a technical-service project): parties, mode, period,
/// terms, approvals and its status; every step is a `TalentAgreementEvent`.
final class TalentAgreementRow: Model, @unchecked Sendable {
    static let schema = "talent_agreements"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "demand_id") var demandID: UUID?
    @OptionalField(key: "profile_id") var profileID: UUID?
    @Field(key: "demand_org_id") var demandOrgID: UUID
    @OptionalField(key: "home_org_id") var homeOrgID: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "mode") var mode: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "deliverables") var deliverables: String
    @OptionalField(key: "term_months") var termMonths: Int?
    @Field(key: "terms") var terms: String
    @Field(key: "status") var status: String
    /// `AgreementParty` raw values, `;`-separated.
    @Field(key: "required") var required: String
    @Field(key: "approvals") var approvals: String
    @Field(key: "evaluations") var evaluations: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One step of an agreement (append-only): a proposal, an approval, a start, an evaluation (score 1–5).
final class TalentAgreementEvent: Model, @unchecked Sendable {
    static let schema = "talent_agreement_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "action") var action: String
    @OptionalField(key: "party") var party: String?
    @Field(key: "actor") var actor: String
    @OptionalField(key: "score") var score: Int?
    @Field(key: "note") var note: String
    @Field(key: "at") var at: Date

    init() {}
}

/// A supply (共享人力): an organisation offering named people or a number of people with some skills for
/// a period, which the centre reads beside the demands.
final class TalentSupply: Model, @unchecked Sendable {
    static let schema = "talent_supplies"

    @ID(key: .id) var id: UUID?
    @Field(key: "org_id") var orgID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "skills") var skills: String
    @Field(key: "headcount") var headcount: Int
    /// Profile ids of the organisation's own people offered by name, `;`-separated (may be empty).
    @Field(key: "profile_ids") var profileIDs: String
    @Field(key: "modes") var modes: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
