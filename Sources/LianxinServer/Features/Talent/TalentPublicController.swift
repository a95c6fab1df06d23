import Foundation
import Fluent
import Vapor
import LianxinCore

/// `/p/talent`: the phone page of the talent-sharing centre. Job seekers register (they must consent to
/// being shared) and enterprises send demands, which wait for the centre's review; `/p/talent/me` shows
/// a person, by the secret link they were given, who looked at their profile.
struct TalentPublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p", "talent")
        pages.get(use: home)
        pages.post("register", use: register)
        pages.post("demand", use: demand)
        pages.get("me", use: me)
    }

    struct HomeModel: Encodable, Sendable {
        let division: String
        let trades: [TalentChoices.Trade]
        let pools: [SelectOption]
        let modes: [TalentChoices.Choice]
        let demandModes: [SelectOption]
        let values: [String: String]
        let errors: [String: String]
        let form: String
        let ownLink: String
        let demandSent: Bool
    }

    /// The park's division: `?d=` on the QR poster, or the top of the tree.
    static func division(_ code: String?, on db: any Database) async throws -> Division {
        if let code, !code.isEmpty, let row = try await Division.find(code, on: db) { return row }
        guard let top = try await Division.query(on: db).filter(\.$parentCode == nil).sort(\.$id).first() else { throw Problem.notFound("division") }
        return top
    }

    func home(req: Request) async throws -> Response {
        try await page(req, values: [:], errors: [:], form: "", checked: [], modes: [], ownLink: "")
    }

    func page(
        _ req: Request, values: [String: String], errors: [String: String], form: String, checked: Set<String>, modes: Set<String>,
        ownLink: String, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let division = try await Self.division(values["division"] ?? req.query[String.self, at: "d"], on: req.db)
        let model = HomeModel(
            division: division.id ?? "", trades: TalentChoices.trades(req, checked: checked),
            pools: TalentChoices.pools(req, selected: values["pool"] ?? "graduate"),
            modes: TalentChoices.modes(req, checked: modes),
            demandModes: SharingMode.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("talent_mode_\($0.rawValue)"), selected: values["mode"] == $0.rawValue)
            }, values: values, errors: errors, form: form, ownLink: ownLink, demandSent: req.query[String.self, at: "sent"] != nil)
        return try await req.page("talent/public", title: "talent_public_title", model: model, status: status)
    }

    struct RegisterForm: Content {
        var division: String?
        var name: String?
        var phone: String?
        var pool: String?
        var skills: [String]?
        var experienceYears: String?
        var availableFrom: String?
        var availableTo: String?
        var modes: [String]?
        var consented: String?
    }

    func register(req: Request) async throws -> Response {
        let form = try req.content.decode(RegisterForm.self)
        let values = [
            "division": form.division ?? "", "name": form.name ?? "", "phone": form.phone ?? "", "pool": form.pool ?? "",
            "experienceYears": form.experienceYears ?? "", "availableFrom": form.availableFrom ?? "", "availableTo": form.availableTo ?? "",
        ]
        let division = try await Self.division(form.division, on: req.db)
        var validator = InputValidator(req)
        let name = validator.text(form.name, "/name", 1...40)
        let phone = validator.phone(form.phone, "/phone")
        let pool = form.pool ?? ""
        if !req.talentVocabulary.pools.contains(where: { $0.code == pool }) { validator.fail("/pool", key: "talent_pool_unknown") }
        let skills = validator.skills(form.skills, "/skills", required: true, in: req.talentVocabulary)
        let years = Int(form.experienceYears?.trimmingCharacters(in: .whitespaces) ?? "0") ?? -1
        if !(0...60).contains(years) { validator.fail("/experienceYears", key: "talent_years_invalid") }
        let period = validator.period(form.availableFrom, form.availableTo, "/availableTo")
        let modes = (form.modes ?? []).filter { SharingMode(rawValue: $0) != nil }
        if modes.isEmpty { validator.fail("/modes", key: "talent_mode_unknown") }
        if form.consented != "on" && form.consented != "true" { validator.fail("/consented", key: "talent_consent_required") }
        guard validator.isValid, let period else {
            var errors: [String: String] = [:]
            for error in validator.errors { errors[String(error.field.dropFirst())] = req.language.pick(error.message) }
            return try await page(
                req, values: values, errors: errors, form: "register", checked: Set(skills), modes: Set(modes), ownLink: "",
                status: .unprocessableEntity)
        }
        let token = FieldCipher.randomToken(bytes: 18)
        let row = TalentProfile()
        row.id = UUID()
        row.name = name
        row.pool = pool
        row.divisionCode = division.id ?? ""
        row.phoneCipher = try req.lianxin.cipher.seal(phone, for: .talentPhone, row: row.id!)
        row.skills = skills.joined(separator: ";")
        row.certificates = ""
        row.experienceYears = years
        row.experience = ""
        row.availability = "\(TalentCodec.day(period.start))/\(TalentCodec.day(period.end))"
        row.modes = Array(Set(modes)).sorted().joined(separator: ";")
        row.consented = true
        row.ownTokenHash = req.lianxin.cipher.tokenHash(token)
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .talentProfileCreated, result: .success, actor: req.auditActor, target: row.id?.uuidString, recordDivision: row.divisionCode,
                    ip: req.clientIP, requestID: req.id, detail: "public", at: req.lianxin.now(), on: db)
            }
        }
        return try await page(req, values: [:], errors: [:], form: "", checked: [], modes: [], ownLink: "/p/talent/me?token=\(token)")
    }

    struct DemandForm: Content {
        var division: String?
        var orgName: String?
        var contactName: String?
        var contactPhone: String?
        var post: String?
        var skills: [String]?
        var mode: String?
        var startsOn: String?
        var endsOn: String?
        var headcount: String?
        var place: String?
        var payTerms: String?
    }

    func demand(req: Request) async throws -> Response {
        let form = try req.content.decode(DemandForm.self)
        let values = [
            "division": form.division ?? "", "orgName": form.orgName ?? "", "contactName": form.contactName ?? "",
            "contactPhone": form.contactPhone ?? "", "post": form.post ?? "", "mode": form.mode ?? "", "startsOn": form.startsOn ?? "",
            "endsOn": form.endsOn ?? "", "headcount": form.headcount ?? "", "place": form.place ?? "", "payTerms": form.payTerms ?? "",
        ]
        let division = try await Self.division(form.division, on: req.db)
        var validator = InputValidator(req)
        let row = TalentDemand()
        row.id = UUID()
        row.orgName = validator.text(form.orgName, "/orgName", 2...80)
        row.contactName = validator.text(form.contactName, "/contactName", 1...40)
        let phone = validator.phone(form.contactPhone, "/contactPhone")
        row.post = validator.text(form.post, "/post", 2...60)
        let skills = validator.skills(form.skills, "/demandSkills", required: true, in: req.talentVocabulary)
        let mode = validator.choice(form.mode, "/mode") as SharingMode?
        let period = validator.period(form.startsOn, form.endsOn, "/endsOn")
        row.headcount = Int(form.headcount ?? "") ?? 0
        if !(1...500).contains(row.headcount) { validator.fail("/headcount", key: "talent_headcount_invalid") }
        row.place = validator.text(form.place, "/place", 2...80)
        row.payTerms = validator.text(form.payTerms, "/payTerms", 2...200)
        guard validator.isValid, let period, let mode else {
            var errors: [String: String] = [:]
            for error in validator.errors { errors[String(error.field.dropFirst())] = req.language.pick(error.message) }
            return try await page(
                req, values: values, errors: errors, form: "demand", checked: Set(skills), modes: [], ownLink: "", status: .unprocessableEntity)
        }
        row.divisionCode = division.id ?? ""
        row.skills = skills.joined(separator: ";")
        row.certificates = ""
        row.mode = mode.rawValue
        row.startsOn = TalentCodec.day(period.start)
        row.endsOn = TalentCodec.day(period.end)
        row.contactPhoneCipher = try req.lianxin.cipher.seal(phone, for: .talentDemandContactPhone, row: row.id!)
        row.status = "pending"
        row.createdBy = "public"
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return req.redirect(to: "/p/talent?sent=1#demand")
    }

    struct MeModel: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            let organisation: String
            let at: String
        }

        let name: String
        let views: [Line]
    }

    func me(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard !token.isEmpty,
            let row = try await TalentProfile.query(on: req.db).filter(\.$ownTokenHash == req.lianxin.cipher.tokenHash(token)).first()
        else { throw Problem.notFound("profile") }
        let views = try await TalentProfileView.query(on: req.db).filter(\.$profileID == row.requireID()).sort(\.$viewedAt, .descending)
            .limit(200).all()
        let model = MeModel(
            name: row.name,
            views: views.map {
                MeModel.Line(
                    organisation: $0.viewerOrg.isEmpty ? req.t("talent_centre_name") : $0.viewerOrg, at: WorkbenchLookup.beijing($0.viewedAt))
            })
        return try await req.page("talent/me", title: "talent_me_title", model: model)
    }
}
