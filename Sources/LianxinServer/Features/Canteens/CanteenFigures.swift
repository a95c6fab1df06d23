import Fluent
import Foundation
import LianxinCore
import Vapor

/// What a county leader reads about 幸福食堂 at a glance for a month: canteens, diners, meals (free ones apart),
/// the subsidy owed, the share of villages with a canteen, each canteen and each township, the last six months, and
/// the price list in words.
struct CanteenFigures: Content {
    struct CanteenLine: Content {
        var id: String
        var name: String
        var village: String
        var diners: Int
        var meals: Int
        var freeMeals: Int
        var subsidy: String
    }

    struct DivisionLine: Content {
        var name: String
        var villages: Int
        var covered: Int
        var meals: Int
        var subsidy: String
    }

    struct Month: Content {
        var month: String
        var meals: Int
        var subsidy: String
        var bar: Int
    }

    var month: String
    var canteens: Int
    var diners: Int
    var meals: Int
    var freeMeals: Int
    var subsidy: String
    var paid: String
    var villages: Int
    var coveredVillages: Int
    var coverage: Int
    var byCanteen: [CanteenLine]
    var byDivision: [DivisionLine]
    var months: [Month]
    var rules: [String]

    static func yuan(_ fen: Int) -> String { String(format: "%d.%02d", fen / 100, fen % 100) }

    static func load(_ req: Request, principal: Principal, month: String?) async throws -> CanteenFigures {
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let current = String(today.description.prefix(7))
        let chosen = month.flatMap { LocalDate(iso: $0 + "-01") != nil ? $0 : nil } ?? current
        let canteens = try await Canteen.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$name).all()
        let diners = try await CanteenDiner.query(on: req.db).inScope(\.$divisionCode, principal).all()
        // Six months back from the month shown, for the trend; the month itself for the rest.
        let first = LocalDate(iso: chosen + "-01") ?? today
        var starts = [first]
        for _ in 0..<5 {
            let previous = starts.last!.adding(days: -1)
            starts.append(LocalDate(iso: String(previous.description.prefix(7)) + "-01") ?? previous)
        }
        let from = starts.last!.description
        let meals = try await CanteenMeal.query(on: req.db).inScope(\.$divisionCode, principal).filter(\.$servedOn >= from)
            .filter(\.$servedOn <= chosen + "-31").all()
        let inMonth = meals.filter { $0.servedOn.hasPrefix(chosen) }
        let villages = try await Division.query(on: req.db).within(\.$id, principal.division).filter(\.$level == DivisionLevel.community.rawValue)
            .all()
        let names = Dictionary(
            try await Division.query(on: req.db).within(\.$id, principal.division).all().compactMap { row in row.id.map { ($0, row.name) } },
            uniquingKeysWith: { a, _ in a })
        let withCanteen = Set(canteens.map(\.divisionCode))
        let coverage = MealPricing.coverage(villages: Set(villages.compactMap(\.id)), withCanteen: withCanteen)
        let byCanteen = canteens.map { canteen in
            let own = inMonth.filter { $0.canteenID == canteen.id }
            return CanteenLine(
                id: canteen.id?.uuidString ?? "", name: canteen.name, village: names[canteen.divisionCode] ?? "",
                diners: diners.filter { $0.canteenID == canteen.id }.count, meals: own.count, freeMeals: own.filter { $0.priceFen == 0 }.count,
                subsidy: yuan(own.reduce(0) { $0 + $1.subsidyFen }))
        }
        // Townships under the viewer (or the viewer's own township), each with its villages' coverage and meals.
        let townships = Dictionary(grouping: villages.compactMap(\.id), by: { String($0.prefix(DivisionLevel.township.codeLength)) })
        let byDivision = townships.keys.sorted().map { township in
            let own = Set(townships[township] ?? [])
            let served = inMonth.filter { own.contains($0.divisionCode) }
            return DivisionLine(
                name: names[township] ?? township, villages: own.count, covered: own.intersection(withCanteen).count, meals: served.count,
                subsidy: yuan(served.reduce(0) { $0 + $1.subsidyFen }))
        }
        var months = starts.reversed().map { start -> Month in
            let key = String(start.description.prefix(7))
            let own = meals.filter { $0.servedOn.hasPrefix(key) }
            return Month(month: key, meals: own.count, subsidy: yuan(own.reduce(0) { $0 + $1.subsidyFen }), bar: own.count)
        }
        let most = max(1, months.map(\.bar).max() ?? 1)
        for index in months.indices { months[index].bar = months[index].bar * 100 / most }
        let rules = try await CanteenService.rules(for: principal.division.value, on: req.db)
        return CanteenFigures(
            month: chosen, canteens: canteens.count, diners: diners.count, meals: inMonth.count,
            freeMeals: inMonth.filter { $0.priceFen == 0 }.count, subsidy: yuan(inMonth.reduce(0) { $0 + $1.subsidyFen }),
            paid: yuan(inMonth.reduce(0) { $0 + $1.priceFen }), villages: coverage.total, coveredVillages: coverage.covered,
            coverage: coverage.percent, byCanteen: byCanteen, byDivision: byDivision, months: months,
            rules: rules.map { describe($0, req) })
    }

    /// A price line in words: "90 岁及以上：免费", "特困供养：每餐 0.00 元" …
    static func describe(_ rule: MealPricing.Rule, _ req: Request) -> String {
        var who: [String] = []
        if let age = rule.minAge { who.append(req.t("canteen_rule_from_age").replacingOccurrences(of: "{age}", with: String(age))) }
        if let status = rule.status { who.append(req.t("canteen_status_\(status.rawValue)")) }
        let whom = who.isEmpty ? req.t("canteen_rule_everyone") : who.joined(separator: req.language == .en ? ", " : "、")
        let price =
            rule.priceFen == 0 ? req.t("canteen_free") : req.t("canteen_price_each").replacingOccurrences(of: "{price}", with: yuan(rule.priceFen))
        return "\(whom)\(req.language == .en ? ": " : "：")\(price)"
    }
}
