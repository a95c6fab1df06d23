import Foundation
import Fluent
import Vapor
import LianxinCore

/// `/talent/people`: the profiles the viewer may see (names masked until an agreement with the person holds),
/// filtered by pool and skill, and the form the centre or an organisation fills in for a person (skills from
/// the talent map's vocabulary, certificates with their expiry, free periods, modes accepted, where they live
/// picked on the map, and the person's consent). `/talent/people/{id}`: one profile, who looked at it (the
/// centre) and the person's agreements.
extension TalentPagesController {
    struct PersonLine: Encodable, Sendable {
        let id: String
        let name: String
        let pool: String
        let organisation: String
        let skills: String
        let modes: String
        let available: String
        let consented: Bool
    }

    struct CertificateRow: Encodable, Sendable {
        let index: Int
        let options: [SelectOption]
        let expires: String
        let error: String
    }

    struct WindowRow: Encodable, Sendable {
        let index: Int
        let from: String
        let to: String
        let error: String
    }

    struct PeopleModel: Encodable, Sendable {
        let rows: [PersonLine]
        let total: Int
        let poolFilter: [SelectOption]
        let skillFilter: [SelectOption]
        let canCreate: Bool
        let isCentre: Bool
        let pools: [SelectOption]
        let organisations: [SelectOption]
        let trades: [TalentChoices.Trade]
        let certificateRows: [CertificateRow]
        let windows: [WindowRow]
        let modes: [TalentChoices.Choice]
        let consented: Bool
        let map: GridMapModel
    }

    func peoplePage(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let english = req.language == .en
        let separator = english ? ", " : "、"
        let pool = req.query[String.self, at: "pool"] ?? ""
        let skill = req.query[String.self, at: "skill"] ?? ""
        let query = viewer.profiles(on: req.db)
        if !pool.isEmpty { query.filter(\.$pool == pool) }
        let all = try await query.sort(\.$createdAt, .descending).all()
        // Skills are stored as a `;` list; the vocabulary is small, so the filter runs here on the scoped rows.
        let matching = skill.isEmpty ? all : all.filter { TalentCodec.list($0.skills).contains(skill) }
        let shown = Array(matching.prefix(200))
        let orgs = try await organisations(req)
        let revealed = try await Self.revealedProfiles(viewer, req)
        let echo = req.formEcho
        let values = { (key: String) in echo.values[key] ?? "" }
        let certificateCodes = values("certificateCodes").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let certificateDays = values("certificateExpires").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let fromDays = values("availableFrom").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let toDays = values("availableTo").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let item = { (list: [String], index: Int) in index < list.count ? list[index] : "" }
        let model = PeopleModel(
            rows: shown.map { row in
                let visible = row.homeOrgID == viewer.orgID && viewer.orgID != nil || revealed.contains(row.id ?? UUID())
                return PersonLine(
                    id: row.id?.uuidString ?? "", name: visible ? row.name : PersonalDataMask.name(row.name),
                    pool: TalentCodec.poolLabel(row.pool, req),
                    organisation: row.homeOrgID.flatMap { orgs[$0]?.name } ?? req.t("talent_job_seeker"),
                    skills: TalentCodec.list(row.skills).map { TalentCodec.label($0, req) }.joined(separator: separator),
                    modes: TalentCodec.list(row.modes).map { req.t("talent_mode_\($0)") }.joined(separator: separator),
                    available: TalentCodec.periods(row.availability).map { "\(TalentCodec.day($0.start)) – \(TalentCodec.day($0.end))" }
                        .joined(separator: separator), consented: row.consented)
            }, total: matching.count,
            poolFilter: TalentChoices.pools(req, selected: pool),
            skillFilter: req.talentVocabulary.trades.flatMap { trade in
                trade.skills.map { SelectOption(value: $0.code, label: english ? $0.en : $0.zh, selected: $0.code == skill) }
            }, canCreate: viewer.isCentre || viewer.orgID != nil, isCentre: viewer.isCentre,
            pools: TalentChoices.pools(req, selected: echo.values["pool"]),
            organisations: viewer.isCentre
                ? orgs.values.filter { $0.divisionCode.hasPrefix(viewer.principal.division.value) }.sorted { $0.name < $1.name }.map {
                    SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: values("homeOrgID") == $0.id?.uuidString)
                } : [],
            trades: TalentChoices.trades(req, checked: Set(values("skills").split(separator: ",").map(String.init))),
            certificateRows: (0..<3).map { index in
                CertificateRow(
                    index: index, options: TalentChoices.certificates(req, selected: item(certificateCodes, index)),
                    expires: item(certificateDays, index), error: echo.errors["certificates/\(index)"] ?? "")
            },
            windows: (0..<2).map { index in
                WindowRow(index: index, from: item(fromDays, index), to: item(toDays, index), error: echo.errors["availability/\(index)"] ?? "")
            }, modes: TalentChoices.modes(req, checked: Set(values("modes").split(separator: ",").map(String.init))),
            consented: values("consented") == "on", map: try await GridMapCache.map(of: viewer.principal.division, req))
        return try await req.page("talent/people", title: "talent_people_title", model: model)
    }

    /// The profiles whose contact data this viewer's organisation may read (an agreement with the person holds).
    static func revealedProfiles(_ viewer: TalentViewer, _ req: Request) async throws -> Set<UUID> {
        guard let orgID = viewer.orgID else { return [] }
        let rows = try await TalentAgreementRow.query(on: req.db).filter(\.$demandOrgID == orgID).all()
        return Set(
            rows.filter { AgreementStatus(rawValue: $0.status).map(AgreementMachine.revealsContact) ?? false }.compactMap(\.profileID))
    }

    struct PersonForm: Content {
        var name: String?
        var pool: String?
        var homeOrgID: String?
        var phone: String?
        var idNumber: String?
        var skills: [String]?
        var certificateCodes: [String]?
        var certificateExpires: [String]?
        var experienceYears: String?
        var experience: String?
        var availableFrom: [String]?
        var availableTo: [String]?
        var modes: [String]?
        var latitude: String?
        var longitude: String?
        var consented: String?

        var echo: [String: String] {
            [
                "name": name ?? "", "pool": pool ?? "", "homeOrgID": homeOrgID ?? "", "phone": phone ?? "", "idNumber": idNumber ?? "",
                "skills": (skills ?? []).joined(separator: ","), "certificateCodes": (certificateCodes ?? []).joined(separator: ","),
                "certificateExpires": (certificateExpires ?? []).joined(separator: ","), "experienceYears": experienceYears ?? "",
                "experience": experience ?? "", "availableFrom": (availableFrom ?? []).joined(separator: ","),
                "availableTo": (availableTo ?? []).joined(separator: ","), "modes": (modes ?? []).joined(separator: ","),
                "latitude": latitude ?? "", "longitude": longitude ?? "", "consented": consented ?? "",
            ]
        }

        /// Pairs of the repeated rows: `code:day` certificates and `from/to` windows, skipping rows left empty.
        func input(years: Int?, position: GeoPoint?) -> TalentProfileInput {
            let codes = certificateCodes ?? []
            let days = certificateExpires ?? []
            var certificates: [String] = []
            for index in 0..<max(codes.count, days.count) {
                let code = index < codes.count ? codes[index] : ""
                let day = index < days.count ? days[index] : ""
                // An empty row stays empty; a half-filled one is sent as it is, so its problem is named.
                certificates.append(code.isEmpty && day.isEmpty ? "" : "\(code):\(day)")
            }
            let starts = availableFrom ?? []
            let ends = availableTo ?? []
            var windows: [String] = []
            for index in 0..<max(starts.count, ends.count) {
                let from = index < starts.count ? starts[index] : ""
                let to = index < ends.count ? ends[index] : ""
                windows.append(from.isEmpty && to.isEmpty ? "" : "\(from)/\(to)")
            }
            return TalentProfileInput(
                name: name, pool: pool, homeOrgID: homeOrgID, division: nil, phone: phone, idNumber: idNumber, skills: skills,
                certificates: certificates, experienceYears: years ?? 0, experience: experience, availability: windows, modes: modes,
                lat: position?.lat, lon: position?.lon, consented: consented == "on")
        }
    }

    func createPerson(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre || viewer.orgID != nil else { throw Problem.notFound("page") }
        let form = try req.content.decode(PersonForm.self)
        let created: (TalentProfile, String)
        do {
            var validator = InputValidator(req)
            let years = validator.optionalCount(form.experienceYears, "/experienceYears", key: "talent_years_invalid", range: 0...60)
            let position = validator.optionalPosition(latitude: form.latitude, longitude: form.longitude)
            let input = form.input(years: years, position: position)
            if (input.availability ?? []).allSatisfy(\.isEmpty) { validator.fail("/availability/0", key: "talent_availability_required") }
            created = try await TalentService(req: req, viewer: viewer).createProfile(input, alsoRefused: validator.errors)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/talent/people", echo: FormEcho(action: "/talent/people", values: form.echo, problem: problem, req))
        }
        let (row, token) = created
        return try await personPage(req, viewer: viewer, row: row, ownLink: "/p/talent/me?token=\(token)")
    }

    struct ViewLine: Encodable, Sendable {
        let viewer: String
        let organisation: String
        let at: String
    }

    struct PersonModel: Encodable, Sendable {
        let profile: TalentProfileDTO
        let ownLink: String
        let ownURL: String
        let views: [ViewLine]
        let agreements: [AgreementLine]
        let isCentre: Bool
    }

    func person(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.profile(req.parameters.get("id"), on: req.db)
        return try await personPage(req, viewer: viewer, row: row, ownLink: "")
    }

    func personPage(_ req: Request, viewer: TalentViewer, row: TalentProfile, ownLink: String) async throws -> Response {
        let profile = try await TalentProfileDTO.load(row, viewer: viewer, req)
        var views: [ViewLine] = []
        if viewer.isCentre {
            views = try await TalentProfileView.query(on: req.db).filter(\.$profileID == row.requireID()).sort(\.$viewedAt, .descending)
                .limit(50).all().map {
                    ViewLine(
                        viewer: $0.viewer, organisation: $0.viewerOrg.isEmpty ? req.t("talent_centre_name") : $0.viewerOrg,
                        at: WorkbenchLookup.beijing($0.viewedAt))
                }
        }
        let agreements = try await agreementLines(viewer, req, profileID: row.requireID())
        let base =
            req.lianxin.settings.publicBaseURL.hasSuffix("/")
            ? String(req.lianxin.settings.publicBaseURL.dropLast()) : req.lianxin.settings.publicBaseURL
        let model = PersonModel(
            profile: profile, ownLink: ownLink, ownURL: ownLink.isEmpty ? "" : base + ownLink, views: views, agreements: agreements,
            isCentre: viewer.isCentre)
        return try await req.page("talent/person", title: "talent_person_title", model: model)
    }
}
