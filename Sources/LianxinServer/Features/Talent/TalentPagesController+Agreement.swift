import Foundation
import Fluent
import Vapor
import LianxinCore

/// An agreement's page: its parties and approvals, the actions open to the viewer, and its history.
extension TalentPagesController {
    struct EventLine: Encodable, Sendable {
        let action: String
        let party: String
        let actor: String
        let score: String
        let note: String
        let at: String
    }

    struct AgreementModel: Encodable, Sendable {
        let id: String
        let status: String
        let statusCode: String
        let mode: String
        let period: String
        let demandOrg: String
        let homeOrg: String
        let person: String
        let phone: String
        let post: String
        let deliverables: String
        let termMonths: String
        let terms: String
        let parties: [String]
        let approvals: [String]
        let events: [EventLine]
        let canApprove: Bool
        let canRecordPerson: Bool
        let canRun: Bool
        let canStart: Bool
        let canEnd: Bool
        let canEvaluate: Bool
        let canRecordPersonEvaluation: Bool
    }

    func agreement(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.agreement(req.parameters.get("id"), on: req.db)
        let orgs = try await organisations(req)
        let state = TalentCodec.state(row)
        var person: TalentProfile?
        if let id = row.profileID { person = try await TalentProfile.find(id, on: req.db) }
        let revealed = try await person.asyncMap { try await viewer.seesContact(of: $0, on: req.db) } ?? false
        var phone = ""
        if let person, let sealed = person.phoneCipher {
            let full = try req.lianxin.cipher.open(sealed, for: .talentPhone, row: try person.requireID())
            if revealed {
                try await req.auditDisclosure(
                    .talentContactRead, target: person.id?.uuidString ?? "", recordDivision: person.divisionCode, detail: nil)
                phone = full
            } else {
                phone = PersonalDataMask.phone(full)
            }
        }
        var demand: TalentDemand?
        if let id = row.demandID { demand = try await TalentDemand.find(id, on: req.db) }
        let myParty: AgreementParty? = viewer.orgID.map { $0 == row.demandOrgID ? .demandOrg : .homeOrg }
        let events = try await TalentAgreementEvent.query(on: req.db).filter(\.$agreementID == row.requireID()).sort(\.$at).all()
        let proposed = state.status == .proposed
        let model = AgreementModel(
            id: row.id?.uuidString ?? "", status: req.t("talent_status_\(row.status)"), statusCode: row.status,
            mode: req.t("talent_mode_\(row.mode)"), period: "\(row.startsOn) – \(row.endsOn)", demandOrg: orgs[row.demandOrgID]?.name ?? "",
            homeOrg: row.homeOrgID.flatMap { orgs[$0]?.name } ?? req.t("talent_job_seeker"),
            person: person.map { revealed ? $0.name : PersonalDataMask.name($0.name) } ?? "", phone: phone, post: demand?.post ?? "",
            deliverables: TalentCodec.list(row.deliverables).joined(separator: "；"), termMonths: row.termMonths.map(String.init) ?? "",
            terms: row.terms, parties: state.required.map { req.t("talent_party_\($0.rawValue)") }.sorted(),
            approvals: state.approvals.map { req.t("talent_party_\($0.rawValue)") }.sorted(),
            events: events.map { event in
                EventLine(
                    action: req.t("talent_action_\(event.action)"), party: event.party.map { req.t("talent_party_\($0)") } ?? "",
                    actor: event.actor, score: event.score.map(String.init) ?? "", note: event.note, at: WorkbenchLookup.beijing(event.at))
            },
            canApprove: proposed && myParty.map { state.required.contains($0) && !state.approvals.contains($0) } ?? false,
            canRecordPerson: proposed && viewer.isCentre && !state.approvals.contains(.person),
            canRun: viewer.isCentre && (state.status == .proposed || state.status == .agreed),
            canStart: viewer.isCentre && state.status == .agreed, canEnd: viewer.isCentre && state.status == .active,
            canEvaluate: state.status == .ended && myParty.map { !state.evaluations.contains($0) } ?? false,
            canRecordPersonEvaluation: state.status == .ended && viewer.isCentre && !state.evaluations.contains(.person))
        return try await req.page("talent/agreement", title: "talent_agreement_title", model: model)
    }

    struct ActionForm: Content {
        var action: String?
        var party: String?
        var score: String?
        var note: String?
    }

    func act(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.agreement(req.parameters.get("id"), on: req.db)
        let back = "/talent/agreements/\(try row.requireID())"
        let form = try req.content.decode(ActionForm.self)
        do {
            try await TalentAgreements(req: req, viewer: viewer).act(
                row, TalentActionInput(action: form.action, party: form.party, score: form.score.flatMap { Int($0) }, note: form.note))
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }
}
