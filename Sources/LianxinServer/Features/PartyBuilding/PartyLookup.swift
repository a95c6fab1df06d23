import Vapor
import Fluent
import LianxinCore

/// Finding the objects a request names, in the principal's scope only (anything else is a 404, audited), and the
/// scheme and rules that apply to a division.
enum PartyLookup {
    static func branch(_ id: String?, _ principal: Principal, _ req: Request) async throws -> PartyBranch {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await PartyBranch.find(id, on: req.db) else {
            throw Problem.notFound("branch")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("branch", target: id.uuidString) }
        return row
    }

    static func member(_ id: String?, _ principal: Principal, _ req: Request) async throws -> PartyMember {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await PartyMember.find(id, on: req.db) else {
            throw Problem.notFound("member")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("member", target: id.uuidString) }
        return row
    }

    static func entry(_ id: String?, _ principal: Principal, _ req: Request) async throws -> PartyPointsEntry {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await PartyPointsEntry.find(id, on: req.db) else {
            throw Problem.notFound("entry")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("entry", target: id.uuidString) }
        return row
    }

    /// The divisions whose posts and rules apply in `division`: itself and every ancestor.
    static func lineage(_ division: String) -> [String] {
        DivisionCode(division)?.lineage.map(\.value) ?? [division]
    }

    /// The rules that apply to members in `division` (its own and its ancestors'), by dimension and label.
    static func rules(for division: String, on db: any Database) async throws -> [PartyPointsRuleRecord] {
        try await PartyPointsRuleRecord.query(on: db).filter(\.$divisionCode ~~ lineage(division)).sort(\.$dimension).sort(\.$label).all()
    }

    /// The posts members in `division` may claim.
    static func posts(for division: String, on db: any Database) async throws -> [PartyPost] {
        try await PartyPost.query(on: db).filter(\.$divisionCode ~~ lineage(division)).sort(\.$name).all()
    }

    /// The scheme of the nearest division up the line that set one, or the standard scheme.
    static func scheme(for division: String, on db: any Database) async throws -> PartyPointsScheme {
        let rows = try await PartyPointsSchemeRecord.query(on: db).filter(\.$id ~~ lineage(division)).all()
        for code in lineage(division) {
            guard let row = rows.first(where: { $0.id == code }) else { continue }
            let thresholds = row.thresholds.split(separator: ",").compactMap { Int($0) }
            if let scheme = try? PartyPointsScheme(basePoints: row.basePoints, dimensionCap: row.dimensionCap, starThresholds: thresholds) {
                return scheme
            }
        }
        return .standard
    }

    /// The year a request asks for with `?year=` (2000 to next year), or this year.
    static func requestedYear(_ req: Request) throws -> Int {
        let thisYear = year(of: req.lianxin.now())
        guard let text = req.query[String.self, at: "year"] else { return thisYear }
        guard let year = Int(text), (2000...thisYear + 1).contains(year) else {
            throw Problem.invalid(field: "/year", InputValidator(req).message("party_err_year_query"))
        }
        return year
    }

    /// The year in Beijing time of `date`.
    static func year(of date: Date) -> Int { LocalDate(date, in: ResidentIDNumber.chinaTimeZone).year }
}
