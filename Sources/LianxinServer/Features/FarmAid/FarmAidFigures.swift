import Fluent
import Foundation
import LianxinCore
import Vapor

/// What a county leader reads about 农耕地互助 at a glance for a year: households with fields, fields and mu, the
/// households short of hands, teams, requests by status and season, the days exchanged, each village; and for the
/// staff, the requests waiting and who is owed help.
struct FarmAidFigures: Content {
    struct VillageLine: Content {
        var name: String
        var households: Int
        var labourShort: Int
        var area: String
        var teams: Int
        var requests: Int
        var done: Int
        var days: String
    }

    struct SeasonLine: Content {
        var season: String
        var requests: Int
        var days: String
    }

    struct RequestLine: Content {
        var id: String
        var household: String
        var field: String
        var task: String
        var wantedOn: String
        var days: String
        var status: String
        var statusCode: String
        var team: String
    }

    struct BalanceLine: Content {
        var household: String
        var given: String
        var received: String
        var balance: String
    }

    var year: Int
    var households: Int
    var fields: Int
    var area: String
    var labourShort: Int
    var teams: Int
    var requests: Int
    var open: Int
    var done: Int
    var daysExchanged: String
    var villages: [VillageLine]
    var seasons: [SeasonLine]
    var waiting: [RequestLine]
    var balances: [BalanceLine]

    static func load(_ req: Request, principal: Principal) async throws -> FarmAidFigures {
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let year = String(today.year)
        let fields = try await FarmField.query(on: req.db).within(\.$communityCode, principal.division).all()
        let teams = try await FarmTeam.query(on: req.db).within(\.$communityCode, principal.division).all()
        let requests = try await FarmRequest.query(on: req.db).within(\.$communityCode, principal.division).all()
        let exchanges = try await FarmExchange.query(on: req.db).within(\.$communityCode, principal.division).all()
            .filter { $0.workedOn.hasPrefix(year) }
        let thisYear = requests.filter { $0.wantedOn.hasPrefix(year) }
        let householdIDs = Set(fields.map(\.householdID)).union(exchanges.map(\.helperHouseholdID))
        let addresses = Dictionary(
            try await Household.query(on: req.db).filter(\.$id ~~ Array(householdIDs)).all().compactMap { row in row.id.map { ($0, row.address) } },
            uniquingKeysWith: { a, _ in a })
        let names = Dictionary(
            try await Division.query(on: req.db).within(\.$id, principal.division).all().compactMap { row in row.id.map { ($0, row.name) } },
            uniquingKeysWith: { a, _ in a })
        let days = { (tenths: Int) in FarmAid.text(tenths: tenths) }
        let short = Set(fields.filter(\.labourShort).map(\.householdID))
        let villages = Set(fields.map(\.communityCode)).union(teams.map(\.communityCode)).sorted().map { code in
            let own = fields.filter { $0.communityCode == code }
            let asked = thisYear.filter { $0.communityCode == code }
            return VillageLine(
                name: names[code] ?? code, households: Set(own.map(\.householdID)).count,
                labourShort: Set(own.filter(\.labourShort).map(\.householdID)).count, area: days(own.reduce(0) { $0 + $1.areaTenths }),
                teams: teams.filter { $0.communityCode == code }.count, requests: asked.count,
                done: asked.filter { $0.status == FarmAid.Status.done.rawValue }.count,
                days: days(exchanges.filter { $0.communityCode == code }.reduce(0) { $0 + $1.tenths }))
        }
        let seasons = FarmAid.Season.allCases.map { season in
            let own = thisYear.filter { $0.season == season.rawValue }
            let ids = Set(own.compactMap(\.id))
            return SeasonLine(
                season: req.t("farm_season_\(season.rawValue)"), requests: own.count,
                days: days(exchanges.filter { ids.contains($0.requestID) }.reduce(0) { $0 + $1.tenths }))
        }
        let fieldNames = Dictionary(fields.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
        let teamNames = Dictionary(teams.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
        let waiting = requests.filter { [FarmAid.Status.open.rawValue, FarmAid.Status.assigned.rawValue].contains($0.status) }
            .sorted { $0.wantedOn < $1.wantedOn }.prefix(100).map { row in
                RequestLine(
                    id: row.id?.uuidString ?? "", household: addresses[row.householdID] ?? "", field: fieldNames[row.fieldID] ?? "",
                    task: req.t("farm_task_\(row.task)"), wantedOn: row.wantedOn, days: days(row.daysTenths),
                    status: req.t("farm_status_\(row.status)"), statusCode: row.status, team: row.teamID.flatMap { teamNames[$0] } ?? "")
            }
        let balances = FarmAid.balances(
            exchanges.map { FarmAid.Exchange(helper: $0.helperHouseholdID.uuidString, host: $0.hostHouseholdID.uuidString, tenths: $0.tenths) }
        )
        .sorted { ($0.value.balance, $0.key) > ($1.value.balance, $1.key) }
        .map { key, value in
            BalanceLine(
                household: UUID(uuidString: key).flatMap { addresses[$0] } ?? "", given: days(value.given), received: days(value.received),
                balance: value.balance > 0 ? "+" + days(value.balance) : (value.balance < 0 ? "−" + days(-value.balance) : "0"))
        }
        return FarmAidFigures(
            year: today.year, households: Set(fields.map(\.householdID)).count, fields: fields.count,
            area: days(fields.reduce(0) { $0 + $1.areaTenths }), labourShort: short.count, teams: teams.count, requests: thisYear.count,
            open: requests.filter { $0.status == FarmAid.Status.open.rawValue }.count,
            done: thisYear.filter { $0.status == FarmAid.Status.done.rawValue }.count,
            daysExchanged: days(exchanges.reduce(0) { $0 + $1.tenths }), villages: villages, seasons: seasons, waiting: Array(waiting),
            balances: balances)
    }
}
