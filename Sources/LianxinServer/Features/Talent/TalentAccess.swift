import Foundation
import Fluent
import Vapor
import LianxinCore

/// Who is looking at the platform: the centre (every record of its division), an organisation's contact
/// (profiles shared with the platform and its own people, published demands and its own), or a leader
/// (the figures only). Records outside what the viewer may see answer 404.
struct TalentViewer: Sendable {
    let principal: Principal
    /// The organisation an enterprise contact acts for; nil for the centre and leaders.
    let orgID: UUID?

    var isCentre: Bool { principal.role.can(.manageTalent) }

    static func load(_ req: Request) async throws -> TalentViewer {
        let principal = try await req.require(.viewTalent)
        guard principal.role == .enterpriseContact else { return TalentViewer(principal: principal, orgID: nil) }
        let member = try await TalentOrganisationMember.query(on: req.db).filter(\.$username == principal.username).first()
        guard let member else { throw Problem.forbidden }
        return TalentViewer(principal: principal, orgID: member.orgID)
    }

    /// The profiles this viewer may open.
    func profiles(on db: any Database) -> QueryBuilder<TalentProfile> {
        let query = TalentProfile.query(on: db).inScope(\.$divisionCode, principal)
        if let orgID {
            query.group(.or) { $0.filter(\.$consented == true).filter(\.$homeOrgID == orgID) }
        } else if !isCentre {
            query.filter(\.$consented == true)
        }
        return query
    }

    /// One profile this viewer may open, or 404.
    func profile(_ id: String?, on db: any Database) async throws -> TalentProfile {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await profiles(on: db).filter(\.$id == id).first()
        else { throw Problem.notFound("profile") }
        return row
    }

    /// The demands this viewer may open: the centre all of its division; an organisation the published ones and its own.
    func demands(on db: any Database) -> QueryBuilder<TalentDemand> {
        let query = TalentDemand.query(on: db).inScope(\.$divisionCode, principal)
        if let orgID {
            query.group(.or) { $0.filter(\.$status == "published").filter(\.$orgID == orgID) }
        } else if !isCentre {
            query.filter(\.$status == "published")
        }
        return query
    }

    func demand(_ id: String?, on db: any Database) async throws -> TalentDemand {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await demands(on: db).filter(\.$id == id).first()
        else { throw Problem.notFound("demand") }
        return row
    }

    /// The agreements this viewer takes part in (the centre: all of its division).
    func agreement(_ id: String?, on db: any Database) async throws -> TalentAgreementRow {
        guard let id = id.flatMap(UUID.init(uuidString:)) else { throw Problem.notFound("agreement") }
        let query = TalentAgreementRow.query(on: db).inScope(\.$divisionCode, principal).filter(\.$id == id)
        if let orgID {
            query.group(.or) { $0.filter(\.$demandOrgID == orgID).filter(\.$homeOrgID == orgID) }
        } else if !isCentre {
            throw Problem.notFound("agreement")
        }
        guard let row = try await query.first() else { throw Problem.notFound("agreement") }
        return row
    }

    /// Whether this viewer may read the person's contact data: their own employer always; a demand
    /// party once an agreement with the person is agreed (or running, or ended); the centre never in full.
    func seesContact(of profile: TalentProfile, on db: any Database) async throws -> Bool {
        guard let orgID else { return false }
        if profile.homeOrgID == orgID { return true }
        let agreements = try await TalentAgreementRow.query(on: db).filter(\.$profileID == profile.id).filter(\.$demandOrgID == orgID).all()
        return agreements.contains { AgreementStatus(rawValue: $0.status).map(AgreementMachine.revealsContact) ?? false }
    }
}

/// Reading the stored lists of a profile or demand into Core values.
enum TalentCodec {
    static func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }

    static func certificates(_ text: String) -> [TalentCandidate.Certificate] {
        list(text).compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let day = ClaimDay(parts[1]) else { return nil }
            return TalentCandidate.Certificate(code: String(parts[0]), expires: day.ordinal)
        }
    }

    static func periods(_ text: String) -> [TalentPeriod] {
        list(text).compactMap { window in
            let parts = window.split(separator: "/")
            guard parts.count == 2 else { return nil }
            return TalentPeriod(from: parts[0], to: parts[1])
        }
    }

    static func day(_ ordinal: Int) -> String { ClaimDay(ordinal: ordinal).description }

    static func candidate(_ row: TalentProfile) -> TalentCandidate {
        TalentCandidate(
            id: row.id?.uuidString ?? "", homeOrg: row.homeOrgID?.uuidString, skills: list(row.skills),
            certificates: certificates(row.certificates), availability: periods(row.availability),
            modes: Set(list(row.modes).compactMap(SharingMode.init(rawValue:))),
            location: row.lat.flatMap { lat in row.lon.map { GeoPoint(lon: $0, lat: lat) } }, experienceYears: row.experienceYears,
            consented: row.consented)
    }

    static func spec(_ row: TalentDemand) -> TalentDemandSpec? {
        guard let mode = SharingMode(rawValue: row.mode), let period = TalentPeriod(from: row.startsOn, to: row.endsOn) else { return nil }
        return TalentDemandSpec(
            demandOrg: row.orgID?.uuidString ?? "", skills: list(row.skills), certificates: list(row.certificates), mode: mode,
            period: period, location: nil)
    }

    static func state(_ row: TalentAgreementRow) -> AgreementState {
        func parties(_ text: String) -> Set<AgreementParty> { Set(list(text).compactMap(AgreementParty.init(rawValue:))) }
        return AgreementState(
            status: AgreementStatus(rawValue: row.status) ?? .proposed, required: parties(row.required), approvals: parties(row.approvals),
            evaluations: parties(row.evaluations))
    }

    static func join(_ parties: Set<AgreementParty>) -> String { parties.map(\.rawValue).sorted().joined(separator: ";") }

    /// The label of a trade, skill or certificate in the page's language (they share one space of codes).
    static func label(_ code: String, _ req: Request) -> String {
        let english = req.language == .en
        let vocabulary = req.talentVocabulary
        for trade in vocabulary.trades {
            if trade.code == code { return english ? trade.en : trade.zh }
            if let skill = trade.skills.first(where: { $0.code == code }) { return english ? skill.en : skill.zh }
        }
        if let item = vocabulary.certificates.first(where: { $0.code == code }) { return english ? item.en : item.zh }
        return code
    }

    /// The label of a talent pool (pools have their own codes: a pool may share one with a trade).
    static func poolLabel(_ code: String, _ req: Request) -> String {
        guard let pool = req.talentVocabulary.pools.first(where: { $0.code == code }) else { return code }
        return req.language == .en ? pool.en : pool.zh
    }
}
