import Foundation
import Fluent
import Vapor
import LianxinCore

/// Supplies (共享人力): an organisation offers its surplus people, by name or as a number with skills,
/// for a period. An organisation offers only its own people; the list shows names masked.
struct TalentSupplies {
    let req: Request
    let viewer: TalentViewer

    struct DTO: Content {
        var id: UUID?
        var organisation: String
        var skills: [String]
        var headcount: Int
        var people: [String]
        var modes: [String]
        var startsOn: String
        var endsOn: String
        var note: String
    }

    func create(_ input: TalentSupplyInput, alsoRefused: [Problem.FieldError] = []) async throws -> TalentSupply {
        var validator = InputValidator(req)
        validator.record(alsoRefused)
        var org: TalentOrganisation?
        if let orgID = viewer.orgID {
            org = try await TalentOrganisation.find(orgID, on: req.db)
        } else if viewer.isCentre, let id = input.orgID.flatMap(UUID.init(uuidString:)) {
            org = try await TalentOrganisation.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, viewer.principal).first()
        } else if !viewer.isCentre {
            throw Problem.forbidden
        }
        if org == nil { validator.fail("/orgID", key: "talent_org_unknown") }
        let skills = validator.skills(input.skills, "/skills", required: true, in: req.talentVocabulary)
        let period = validator.period(input.startsOn, input.endsOn, "/endsOn")
        let modes = (input.modes ?? []).filter { !$0.isEmpty }
        if modes.isEmpty || modes.contains(where: { SharingMode(rawValue: $0) == nil }) { validator.fail("/modes", key: "talent_mode_unknown") }
        let ids = (input.profileIDs ?? []).compactMap(UUID.init(uuidString:))
        if ids.count != (input.profileIDs ?? []).count { validator.fail("/profileIDs", key: "talent_supply_people_own") }
        if !ids.isEmpty, let orgID = org?.id {
            let own = try await TalentProfile.query(on: req.db).filter(\.$id ~~ ids).filter(\.$homeOrgID == orgID).count()
            if own != Set(ids).count { validator.fail("/profileIDs", key: "talent_supply_people_own") }
        }
        let headcount = input.headcount ?? max(ids.count, 1)
        if !(1...500).contains(headcount) || headcount < Set(ids).count { validator.fail("/headcount", key: "talent_headcount_invalid") }
        let note = validator.optionalText(input.note, "/note", limit: 300) ?? ""
        try validator.finish()
        let row = TalentSupply()
        row.orgID = try org?.requireID() ?? UUID()
        row.divisionCode = org?.divisionCode ?? viewer.principal.division.value
        row.skills = skills.joined(separator: ";")
        row.headcount = headcount
        row.profileIDs = Set(ids).map(\.uuidString).sorted().joined(separator: ";")
        row.modes = Array(Set(modes)).sorted().joined(separator: ";")
        row.startsOn = TalentCodec.day(period?.start ?? 0)
        row.endsOn = TalentCodec.day(period?.end ?? 0)
        row.note = note
        row.createdBy = viewer.principal.username
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// The supplies of the viewer's division whose period has not ended, newest first.
    func list() async throws -> [DTO] {
        let rows = try await TalentSupply.query(on: req.db).inScope(\.$divisionCode, viewer.principal).sort(\.$createdAt, .descending)
            .limit(200).all()
        let orgs = Dictionary(
            try await TalentOrganisation.query(on: req.db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let ids = rows.flatMap { TalentCodec.list($0.profileIDs).compactMap(UUID.init(uuidString:)) }
        let names = Dictionary(
            try await TalentProfile.query(on: req.db).filter(\.$id ~~ ids).all().map { ($0.id!, PersonalDataMask.name($0.name)) },
            uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            DTO(
                id: row.id, organisation: orgs[row.orgID] ?? "", skills: TalentCodec.list(row.skills).map { TalentCodec.label($0, req) },
                headcount: row.headcount, people: TalentCodec.list(row.profileIDs).compactMap { UUID(uuidString: $0).flatMap { names[$0] } },
                modes: TalentCodec.list(row.modes).map { req.t("talent_mode_\($0)") }, startsOn: row.startsOn, endsOn: row.endsOn, note: row.note)
        }
    }
}
