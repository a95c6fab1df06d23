import Foundation
import Fluent
import Vapor
import LianxinCore

/// `/talent`: the talent map (everyone with `viewTalent`), the demands with the review and the ranked
/// candidates (the centre), a demand form (the centre and organisations), and an agreement's page where
/// each side approves, the centre starts and ends it and both sides evaluate.
struct TalentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("talent")
        pages.get(use: map)
        pages.get("organisations", use: organisationsPage)
        pages.post("organisations", use: createOrganisation)
        pages.post("organisations", "members", use: addOrganisationMember)
        pages.get("people", use: peoplePage)
        pages.post("people", use: createPerson)
        pages.get("people", ":id", use: person)
        pages.get("supplies", use: suppliesPage)
        pages.post("supplies", use: createSupply)
        pages.get("demands", use: demands)
        pages.post("demands", use: createDemand)
        pages.get("demands", ":id", use: demand)
        pages.post("demands", ":id", "review", use: review)
        pages.post("agreements", use: propose)
        pages.get("agreements", ":id", use: agreement)
        pages.post("agreements", ":id", "actions", use: act)
    }

    struct AgreementLine: Encodable, Sendable {
        let id: String
        let person: String
        let demandOrg: String
        let mode: String
        let period: String
        let status: String
    }

    struct MapModel: Encodable, Sendable {
        let figures: TalentMapFigures
        let agreements: [AgreementLine]
        let isCentre: Bool
    }

    func map(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let figures: TalentMapFigures
        do {
            figures = try await TalentMapFigures.load(
                req, viewer: viewer, from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            figures = try await TalentMapFigures.load(req, viewer: viewer, from: nil, to: nil)
        }
        let model = MapModel(figures: figures, agreements: try await agreementLines(viewer, req), isCentre: viewer.isCentre)
        return try await req.page("talent/map", title: "talent_map_title", model: model)
    }

    /// The viewer's agreements (the centre: its division's), newest first; with `profileID`, one person's.
    func agreementLines(_ viewer: TalentViewer, _ req: Request, profileID: UUID? = nil) async throws -> [AgreementLine] {
        guard viewer.isCentre || viewer.orgID != nil else { return [] }
        let query = TalentAgreementRow.query(on: req.db).inScope(\.$divisionCode, viewer.principal)
        if let profileID { query.filter(\.$profileID == profileID) }
        if let orgID = viewer.orgID { query.group(.or) { $0.filter(\.$demandOrgID == orgID).filter(\.$homeOrgID == orgID) } }
        let rows = try await query.sort(\.$createdAt, .descending).limit(50).all()
        let orgs = try await organisations(req)
        var people: [UUID: TalentProfile] = [:]
        for row in try await TalentProfile.query(on: req.db).filter(\.$id ~~ rows.compactMap(\.profileID)).all() { people[row.id!] = row }
        var lines: [AgreementLine] = []
        for row in rows {
            let person = row.profileID.flatMap { people[$0] }
            let revealed = try await person.asyncMap { try await viewer.seesContact(of: $0, on: req.db) } ?? false
            lines.append(
                AgreementLine(
                    id: row.id?.uuidString ?? "", person: person.map { revealed ? $0.name : PersonalDataMask.name($0.name) } ?? "",
                    demandOrg: orgs[row.demandOrgID]?.name ?? "", mode: req.t("talent_mode_\(row.mode)"),
                    period: "\(row.startsOn) – \(row.endsOn)", status: req.t("talent_status_\(row.status)")))
        }
        return lines
    }

    func organisations(_ req: Request) async throws -> [UUID: TalentOrganisation] {
        Dictionary(try await TalentOrganisation.query(on: req.db).all().map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct DemandLine: Encodable, Sendable {
        let id: String
        let post: String
        let organisation: String
        let skills: String
        let mode: String
        let period: String
        let headcount: Int
        let status: String
    }

    struct DemandsModel: Encodable, Sendable {
        let rows: [DemandLine]
        let canSubmit: Bool
        let isCentre: Bool
        let organisations: [SelectOption]
        let trades: [TalentChoices.Trade]
        let certificates: [TalentChoices.Choice]
        let modes: [SelectOption]
        let notice: String
    }

    func demands(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let rows = try await viewer.demands(on: req.db).sort(\.$createdAt, .descending).limit(200).all()
        let english = req.language == .en
        let echo = req.formEcho
        let checked = Set((echo.values["skills"] ?? "").split(separator: ",").map(String.init))
        let pickedCertificates = Set((echo.values["certificates"] ?? "").split(separator: ",").map(String.init))
        let orgs =
            viewer.isCentre ? try await TalentOrganisation.query(on: req.db).inScope(\.$divisionCode, viewer.principal).sort(\.$name).all() : []
        let model = DemandsModel(
            rows: rows.map { row in
                DemandLine(
                    id: row.id?.uuidString ?? "", post: row.post, organisation: row.orgName,
                    skills: TalentCodec.list(row.skills).map { TalentCodec.label($0, req) }.joined(separator: english ? ", " : "、"),
                    mode: req.t("talent_mode_\(row.mode)"), period: "\(row.startsOn) – \(row.endsOn)", headcount: row.headcount,
                    status: req.t("talent_demand_\(row.status)"))
            }, canSubmit: viewer.isCentre || viewer.orgID != nil, isCentre: viewer.isCentre,
            organisations: orgs.map {
                SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: echo.values["orgID"] == $0.id?.uuidString)
            },
            trades: TalentChoices.trades(req, checked: checked),
            certificates: req.talentVocabulary.certificates.map {
                TalentChoices.Choice(value: $0.code, label: english ? $0.en : $0.zh, checked: pickedCertificates.contains($0.code))
            },
            modes: SharingMode.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("talent_mode_\($0.rawValue)"), selected: echo.values["mode"] == $0.rawValue)
            },
            notice: req.query[String.self, at: "submitted"] != nil ? req.t("talent_demand_submitted") : "")
        return try await req.page("talent/demands", title: "talent_demands_title", model: model)
    }

    struct DemandForm: Content {
        var orgID: String?
        var post: String?
        var skills: [String]?
        var certificates: [String]?
        var mode: String?
        var startsOn: String?
        var endsOn: String?
        var headcount: String?
        var place: String?
        var payTerms: String?

        var echo: [String: String] {
            [
                "orgID": orgID ?? "", "post": post ?? "", "skills": (skills ?? []).joined(separator: ","),
                "certificates": (certificates ?? []).joined(separator: ","), "mode": mode ?? "", "startsOn": startsOn ?? "",
                "endsOn": endsOn ?? "", "headcount": headcount ?? "", "place": place ?? "", "payTerms": payTerms ?? "",
            ]
        }
    }

    func createDemand(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre || viewer.orgID != nil else { throw Problem.forbidden }
        let form = try req.content.decode(DemandForm.self)
        do {
            var validator = InputValidator(req)
            let headcount = validator.optionalCount(form.headcount, "/headcount", key: "talent_headcount_invalid", range: 1...500)
            _ = try await TalentService(req: req, viewer: viewer).createDemand(
                TalentDemandInput(
                    orgID: form.orgID, post: form.post, skills: form.skills, certificates: form.certificates, mode: form.mode,
                    startsOn: form.startsOn, endsOn: form.endsOn, headcount: headcount, place: form.place, payTerms: form.payTerms),
                alsoRefused: validator.errors)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/talent/demands", echo: FormEcho(action: "/talent/demands", values: form.echo, problem: problem, req))
        }
        return req.redirect(to: "/talent/demands?submitted=1")
    }

    struct CandidateLine: Encodable, Sendable {
        let profileID: String
        let name: String
        let organisation: String
        let score: String
        let reasons: [String]
        let missing: String
    }

    struct DemandModel: Encodable, Sendable {
        let id: String
        let line: DemandLine
        let place: String
        let payTerms: String
        let certificates: String
        let pending: Bool
        let published: Bool
        let isCentre: Bool
        let reviewNote: String
        let candidates: [CandidateLine]
        let excluded: [String]
        let needsDeliverables: Bool
        let needsTerm: Bool
    }

    func demand(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.demand(req.parameters.get("id"), on: req.db)
        let english = req.language == .en
        var candidates: [CandidateLine] = []
        var excluded: [String] = []
        if viewer.isCentre && row.status == "published" {
            let (ranking, profiles) = try await TalentService(req: req, viewer: viewer).matches(row, limit: 10)
            let orgs = try await organisations(req)
            candidates = ranking.matches.map { match in
                let person = UUID(uuidString: match.candidateID).flatMap { profiles[$0] }
                return CandidateLine(
                    profileID: match.candidateID, name: person.map { PersonalDataMask.name($0.name) } ?? "",
                    organisation: person?.homeOrgID.flatMap { orgs[$0]?.name } ?? req.t("talent_job_seeker"),
                    score: String(format: "%.1f", match.score), reasons: TalentReasons.lines(match, req),
                    missing: match.missingSkills.map { TalentCodec.label($0, req) }.joined(separator: english ? ", " : "、"))
            }
            excluded = ranking.excluded.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                "\(req.t("talent_excluded_\($0.key.rawValue)"))：\($0.value)"
            }
        }
        let mode = SharingMode(rawValue: row.mode)
        let model = DemandModel(
            id: row.id?.uuidString ?? "",
            line: DemandLine(
                id: row.id?.uuidString ?? "", post: row.post, organisation: row.orgName,
                skills: TalentCodec.list(row.skills).map { TalentCodec.label($0, req) }.joined(separator: english ? ", " : "、"),
                mode: req.t("talent_mode_\(row.mode)"), period: "\(row.startsOn) – \(row.endsOn)", headcount: row.headcount,
                status: req.t("talent_demand_\(row.status)")), place: row.place, payTerms: row.payTerms,
            certificates: TalentCodec.list(row.certificates).map { TalentCodec.label($0, req) }.joined(separator: english ? ", " : "、"),
            pending: row.status == "pending", published: row.status == "published", isCentre: viewer.isCentre, reviewNote: row.reviewNote ?? "",
            candidates: candidates, excluded: excluded, needsDeliverables: mode?.rules.needsDeliverables ?? false,
            needsTerm: mode?.rules.needsTerm ?? false)
        return try await req.page("talent/demand", title: "talent_demand_title", model: model)
    }

    func review(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.demand(req.parameters.get("id"), on: req.db)
        let back = "/talent/demands/\(try row.requireID())"
        let input = try req.content.decode(TalentReviewInput.self)
        do {
            try await TalentService(req: req, viewer: viewer).reviewDemand(row, decision: input.decision, note: input.note)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }

    struct ProposeForm: Content {
        var demandID: String?
        var profileID: String?
        var deliverables: String?
        var termMonths: String?
        var terms: String?
    }

    func propose(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let form = try req.content.decode(ProposeForm.self)
        let input = TalentAgreementInput(
            demandID: form.demandID, profileID: form.profileID,
            deliverables: (form.deliverables ?? "").split(whereSeparator: { $0 == "\n" || $0 == "；" || $0 == ";" }).map(String.init),
            termMonths: form.termMonths.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, terms: form.terms)
        do {
            let row = try await TalentAgreements(req: req, viewer: viewer).propose(input)
            return req.redirect(to: "/talent/agreements/\(try row.requireID())")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/talent/demands/\(form.demandID ?? "")", problem: problem)
        }
    }
}
