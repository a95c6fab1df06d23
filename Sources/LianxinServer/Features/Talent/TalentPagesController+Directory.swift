import Foundation
import Fluent
import Vapor
import LianxinCore

/// `/talent/organisations`: the park's enterprises, institutes and colleges with their contact people and the
/// accounts that act for them (the centre registers them); `/talent/supplies`: people an organisation can spare
/// for a period (共享人力), offered by the organisation itself or recorded by the centre.
extension TalentPagesController {
    struct OrganisationLine: Encodable, Sendable {
        let id: String
        let name: String
        let kind: String
        let roles: String
        let division: String
        let contact: String
        let phone: String
        let people: Int
        let accounts: String
    }

    struct OrganisationsModel: Encodable, Sendable {
        let rows: [OrganisationLine]
        let isCentre: Bool
        let kinds: [SelectOption]
        let divisionPicker: DivisionPicker
        let organisations: [SelectOption]
        let contactAccounts: [SelectOption]
        let shares: Bool
        let demands: Bool
        let notice: String
    }

    func organisationsPage(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let echo = req.formEcho
        let rows = try await TalentOrganisation.query(on: req.db).inScope(\.$divisionCode, viewer.principal).sort(\.$name).all()
        let ids = rows.compactMap(\.id)
        let people = Dictionary(
            grouping: try await TalentProfile.query(on: req.db).filter(\.$homeOrgID ~~ ids).all().compactMap(\.homeOrgID), by: { $0 }
        ).mapValues(\.count)
        let members = viewer.isCentre ? try await TalentOrganisationMember.query(on: req.db).filter(\.$orgID ~~ ids).all() : []
        // Accounts are shown as people know them: the name, with the sign-in name beside it.
        let accountNames = Dictionary(
            try await User.query(on: req.db).filter(\.$username ~~ members.map(\.username)).all().map { ($0.username, $0.displayName) },
            uniquingKeysWith: { first, _ in first })
        let divisionNames = try await Self.divisionNames(rows.map(\.divisionCode), req)
        var lines: [OrganisationLine] = []
        for row in rows {
            let id = try row.requireID()
            let phone = try row.contactPhoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0, for: .talentContactPhone, row: id)) }
            let roles = [row.shares ? req.t("talent_org_shares") : nil, row.demands ? req.t("talent_org_demands") : nil].compactMap { $0 }
            lines.append(
                OrganisationLine(
                    id: id.uuidString, name: row.name, kind: req.t("talent_kind_\(row.kind)"),
                    roles: roles.joined(separator: req.language == .en ? ", " : "、"), division: divisionNames[row.divisionCode] ?? "",
                    contact: row.contactName, phone: phone ?? "", people: people[id] ?? 0,
                    accounts: members.filter { $0.orgID == id }.map(\.username).sorted()
                        .map { "\(accountNames[$0] ?? $0)（\($0)）" }.joined(separator: req.language == .en ? ", " : "、")))
        }
        var accounts: [SelectOption] = []
        if viewer.isCentre {
            let linked = Set(try await TalentOrganisationMember.query(on: req.db).all().map(\.username))
            accounts = try await User.query(on: req.db).filter(\.$role == .enterpriseContact).filter(\.$active == true)
                .inScope(\.$divisionCode, viewer.principal).sort(\.$username).all()
                .filter { !linked.contains($0.username) }
                .map { SelectOption(value: $0.username, label: "\($0.displayName)（\($0.username)）") }
        }
        let model = OrganisationsModel(
            rows: lines, isCentre: viewer.isCentre,
            kinds: ["enterprise", "institute", "college"].map {
                SelectOption(value: $0, label: req.t("talent_kind_\($0)"), selected: echo.values["kind"] == $0)
            },
            divisionPicker: try await DivisionPicker.load(
                req, id: "org-division", name: "division", label: req.t("talent_org_division"), under: viewer.principal.division,
                selected: echo.values["division"], empty: req.t("field_picker_choose"), error: echo.errors["divisionCode"] ?? ""),
            organisations: rows.map {
                SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: echo.values["orgID"] == $0.id?.uuidString)
            },
            contactAccounts: accounts, shares: echo.action.isEmpty || echo.values["shares"] == "on",
            demands: echo.action.isEmpty || echo.values["demands"] == "on",
            notice: req.query[String.self, at: "done"] != nil ? req.t("talent_saved") : "")
        return try await req.page("talent/organisations", title: "talent_orgs_title", model: model)
    }

    struct OrganisationForm: Content {
        var name: String?
        var kind: String?
        var shares: String?
        var demands: String?
        var division: String?
        var contactName: String?
        var contactPhone: String?
    }

    func createOrganisation(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre else { throw Problem.notFound("page") }
        let form = try req.content.decode(OrganisationForm.self)
        let input = TalentOrganisationInput(
            name: form.name, kind: form.kind, shares: form.shares == "on", demands: form.demands == "on",
            division: form.division.flatMap { $0.isEmpty ? nil : $0 } ?? "", contactName: form.contactName, contactPhone: form.contactPhone)
        do {
            _ = try await TalentService(req: req, viewer: viewer).createOrganisation(input)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/talent/organisations", problem: problem)
        }
        return req.redirect(to: "/talent/organisations?done=1")
    }

    struct MemberForm: Content {
        var orgID: String?
        var username: String?
    }

    func addOrganisationMember(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre else { throw Problem.notFound("page") }
        let form = try req.content.decode(MemberForm.self)
        do {
            guard let id = form.orgID.flatMap(UUID.init(uuidString:)),
                let org = try await TalentOrganisation.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, viewer.principal).first()
            else { throw Problem.invalid(field: "/orgID", InputValidator(req).message("talent_org_unknown")) }
            try await TalentService(req: req, viewer: viewer).addMember(org, username: form.username)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/talent/organisations", problem: problem)
        }
        return req.redirect(to: "/talent/organisations?done=1")
    }

    static func divisionNames(_ codes: [String], _ req: Request) async throws -> [String: String] {
        let rows = try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(codes))).all()
        return Dictionary(rows.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { first, _ in first })
    }

    struct SuppliesModel: Encodable, Sendable {
        let rows: [TalentSupplies.DTO]
        let canOffer: Bool
        let isCentre: Bool
        let organisations: [SelectOption]
        let trades: [TalentChoices.Trade]
        let people: [TalentChoices.Choice]
        let modes: [TalentChoices.Choice]
        let notice: String
    }

    func suppliesPage(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let echo = req.formEcho
        let list = { (key: String) in Set((echo.values[key] ?? "").split(separator: ",").map(String.init)) }
        var people: [TalentChoices.Choice] = []
        if let orgID = viewer.orgID {
            // An organisation offers its own people by name (it employs them: it sees their names in full).
            people = try await TalentProfile.query(on: req.db).filter(\.$homeOrgID == orgID).sort(\.$name).all().map {
                TalentChoices.Choice(value: $0.id?.uuidString ?? "", label: $0.name, checked: list("profileIDs").contains($0.id?.uuidString ?? ""))
            }
        }
        let orgs =
            viewer.isCentre
            ? try await TalentOrganisation.query(on: req.db).inScope(\.$divisionCode, viewer.principal).filter(\.$shares == true).sort(\.$name).all()
            : []
        let model = SuppliesModel(
            rows: try await TalentSupplies(req: req, viewer: viewer).list(), canOffer: viewer.isCentre || viewer.orgID != nil,
            isCentre: viewer.isCentre,
            organisations: orgs.map {
                SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: echo.values["orgID"] == $0.id?.uuidString)
            },
            trades: TalentChoices.trades(req, checked: list("skills")), people: people,
            modes: TalentChoices.modes(req, checked: list("modes")),
            notice: req.query[String.self, at: "done"] != nil ? req.t("talent_saved") : "")
        return try await req.page("talent/supplies", title: "talent_supplies_title", model: model)
    }

    struct SupplyForm: Content {
        var orgID: String?
        var skills: [String]?
        var headcount: String?
        var profileIDs: [String]?
        var modes: [String]?
        var startsOn: String?
        var endsOn: String?
        var note: String?

        var echo: [String: String] {
            [
                "orgID": orgID ?? "", "skills": (skills ?? []).joined(separator: ","), "headcount": headcount ?? "",
                "profileIDs": (profileIDs ?? []).joined(separator: ","), "modes": (modes ?? []).joined(separator: ","),
                "startsOn": startsOn ?? "", "endsOn": endsOn ?? "", "note": note ?? "",
            ]
        }
    }

    func createSupply(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre || viewer.orgID != nil else { throw Problem.notFound("page") }
        let form = try req.content.decode(SupplyForm.self)
        do {
            var validator = InputValidator(req)
            let headcount = validator.optionalCount(form.headcount, "/headcount", key: "talent_headcount_invalid", range: 1...500)
            _ = try await TalentSupplies(req: req, viewer: viewer).create(
                TalentSupplyInput(
                    orgID: form.orgID, skills: form.skills, headcount: headcount, profileIDs: form.profileIDs, modes: form.modes,
                    startsOn: form.startsOn, endsOn: form.endsOn, note: form.note),
                alsoRefused: validator.errors)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(
                to: "/talent/supplies", echo: FormEcho(action: "/talent/supplies", values: form.echo, problem: problem, req))
        }
        return req.redirect(to: "/talent/supplies?done=1")
    }
}
