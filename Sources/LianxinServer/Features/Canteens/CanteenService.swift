import Fluent
import Foundation
import LianxinCore
import Vapor

/// The writes of 幸福食堂: canteens, diners (ID numbers sealed), meals served at the price the county's list sets,
/// and the price list itself. Every object named is checked against the caller's scope; every problem names its
/// field; each write is one transaction.
struct CanteenService {
    let req: Request
    let principal: Principal

    struct CanteenInput: Content {
        var name: String?
        var divisionCode: String?
        var address: String?
        /// Yuan, e.g. `15` or `14.50`.
        var mealCost: String?
    }

    struct DinerInput: Content {
        var canteenId: String?
        var name: String?
        var idNumber: String?
        var status: String?
    }

    struct MealsInput: Content {
        var canteenId: String?
        var servedOn: String?
        var sitting: String?
        var dinerIds: [String]?
    }

    struct PriceListInput: Content {
        struct Line: Content {
            var minAge: Int?
            var status: String?
            /// Yuan.
            var price: String?
        }
        var rules: [Line]?
    }

    static let sittings = ["lunch", "supper"]

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    static func canteen(_ id: String?, _ principal: Principal, _ req: Request) async throws -> Canteen {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await Canteen.find(id, on: req.db) else { throw Problem.notFound("canteen") }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("canteen", target: id.uuidString) }
        return row
    }

    /// The canteen a request names: none named is the field's problem (nil); one unknown or out of scope is 404.
    static func named(_ id: String?, _ principal: Principal, _ req: Request) async throws -> Canteen? {
        guard let id, !id.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try await canteen(id, principal, req)
    }

    /// Yuan typed as `8`, `8.5` or `8.50`, in fen; nil when it is not an amount.
    static func fen(_ text: String?) -> Int? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard typed.range(of: #"^\d{1,4}(\.\d{1,2})?$"#, options: .regularExpression) != nil else { return nil }
        let parts = typed.split(separator: ".")
        let yuan = Int(parts[0]) ?? 0
        let cents = parts.count > 1 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return yuan * 100 + cents
    }

    func addCanteen(_ input: CanteenInput) async throws -> Canteen {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 2...40)
        let address = checks.text(input.address, "/address", 2...100)
        let cost = Self.fen(input.mealCost)
        if cost == nil || cost == 0 { checks.fail("/mealCost", key: "canteen_err_cost") }
        var division = principal.division
        if let code = DivisionCode(input.divisionCode ?? ""), code.level == .community, principal.canSee(code),
            try await Division.find(code.value, on: req.db) != nil
        {
            division = code
        } else {
            checks.fail("/divisionCode", key: "canteen_err_village")
        }
        try checks.finish()
        let row = Canteen()
        row.name = name
        row.divisionCode = division.value
        row.address = address
        row.mealCostFen = cost ?? 0
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func registerDiner(_ input: DinerInput) async throws -> CanteenDiner {
        var checks = InputValidator(req)
        let canteen = try await Self.named(input.canteenId, principal, req)
        if canteen == nil { checks.fail("/canteenId", key: "canteen_err_canteen") }
        let name = checks.text(input.name, "/name", 2...30)
        let idNumber = try? ResidentIDNumber(validating: (input.idNumber ?? "").trimmingCharacters(in: .whitespaces), now: req.lianxin.now())
        if idNumber == nil { checks.fail("/idNumber", key: "canteen_err_id") }
        let status = MealPricing.Status(rawValue: input.status ?? "ordinary")
        if status == nil { checks.fail("/status", key: "canteen_err_status") }
        let index = idNumber.map { req.lianxin.cipher.blindIndex($0.value) } ?? ""
        if idNumber != nil, try await CanteenDiner.query(on: req.db).filter(\.$idNumberIndex == index).first() != nil {
            checks.fail("/idNumber", key: "canteen_err_diner_exists")
        }
        try checks.finish()
        guard let canteen, let idNumber, let status else { throw Problem.notFound("canteen") }
        let row = CanteenDiner()
        row.id = UUID()
        row.canteenID = try canteen.requireID()
        row.divisionCode = canteen.divisionCode
        row.name = name
        row.idNumberCipher = try req.lianxin.cipher.seal(idNumber.value, for: .canteenDinerIDNumber, row: row.id!)
        row.idNumberIndex = index
        let birth = idNumber.birthDate
        row.birthDate = String(format: "%04d-%02d-%02d", birth.year, birth.month, birth.day)
        row.status = status.rawValue
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .canteenDinerRegistered, result: .success, actor: req.auditActor, target: row.id?.uuidString, recordDivision: row.divisionCode,
                    ip: req.clientIP, requestID: req.id, detail: nil, at: req.lianxin.now(), on: db)
            }
        }
        return row
    }

    /// The price list in force for `division`: its own, else the nearest above it, else 萍乡's.
    static func rules(for division: String, on db: any Database) async throws -> [MealPricing.Rule] {
        let codes = DivisionCode(division).map { $0.lineage.map(\.value) } ?? [division]
        let lists = try await CanteenPriceList.query(on: db).filter(\.$divisionCode ~~ codes).all()
        for code in codes {
            if let list = lists.first(where: { $0.divisionCode == code }),
                let rules = try? JSONDecoder().decode([MealPricing.Rule].self, from: Data(list.rules.utf8))
            {
                return rules
            }
        }
        return MealPricing.pingxiang
    }

    /// Records the meals of the diners ticked for one sitting of one day; a diner already recorded for it is named.
    func recordMeals(_ input: MealsInput) async throws -> [CanteenMeal] {
        var checks = InputValidator(req)
        let canteen = try await Self.named(input.canteenId, principal, req)
        if canteen == nil { checks.fail("/canteenId", key: "canteen_err_canteen") }
        let day = LocalDate(iso: input.servedOn ?? "")
        if day == nil || day! > today || day! < today.adding(days: -31) { checks.fail("/servedOn", key: "canteen_err_day") }
        let sitting = input.sitting ?? ""
        if !Self.sittings.contains(sitting) { checks.fail("/sitting", key: "canteen_err_sitting") }
        let ids = (input.dinerIds ?? []).compactMap(UUID.init(uuidString:))
        if ids.isEmpty || ids.count != (input.dinerIds ?? []).count { checks.fail("/dinerIds", key: "canteen_err_diners") }
        var diners: [CanteenDiner] = []
        if let canteen, !ids.isEmpty {
            diners = try await CanteenDiner.query(on: req.db).filter(\.$id ~~ ids).filter(\.$canteenID == canteen.requireID()).all()
            if diners.count != Set(ids).count { checks.fail("/dinerIds", key: "canteen_err_diners") }
            if let day {
                let done = try await CanteenMeal.query(on: req.db).filter(\.$dinerID ~~ ids).filter(\.$servedOn == day.description)
                    .filter(\.$sitting == sitting).all()
                if !done.isEmpty { checks.fail("/dinerIds", key: "canteen_err_already") }
            }
        }
        try checks.finish()
        guard let canteen, let day else { throw Problem.notFound("canteen") }
        let rules = try await Self.rules(for: canteen.divisionCode, on: req.db)
        let now = req.lianxin.now()
        let meals = try diners.map { diner in
            let birth = LocalDate(iso: diner.birthDate) ?? day
            let age = MealPricing.age(
                born: (birth.year, birth.components.month, birth.components.day), on: (day.year, day.components.month, day.components.day))
            let quote = MealPricing.quote(
                age: age, status: MealPricing.Status(rawValue: diner.status) ?? .ordinary, costFen: canteen.mealCostFen, rules: rules)
            let meal = CanteenMeal()
            meal.canteenID = try canteen.requireID()
            meal.dinerID = try diner.requireID()
            meal.divisionCode = canteen.divisionCode
            meal.servedOn = day.description
            meal.sitting = sitting
            meal.age = age
            meal.priceFen = quote.priceFen
            meal.costFen = canteen.mealCostFen
            meal.subsidyFen = quote.subsidyFen
            meal.recordedBy = principal.username
            meal.createdAt = now
            return meal
        }
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                for meal in meals { try await meal.create(on: db) }
            }
        }
        return meals
    }

    /// Replaces the price list of the caller's own division (a county's, for its canteens).
    func setPriceList(_ input: PriceListInput) async throws {
        var checks = InputValidator(req)
        var rules: [MealPricing.Rule] = []
        let lines = input.rules ?? []
        if lines.isEmpty || lines.count > 20 { checks.fail("/rules", key: "canteen_err_rules") }
        for (index, line) in lines.enumerated() {
            var status: MealPricing.Status?
            if let text = line.status, !text.isEmpty {
                status = MealPricing.Status(rawValue: text)
                if status == nil { checks.fail("/rules/\(index)/status", key: "canteen_err_status") }
            }
            guard let price = Self.fen(line.price) else {
                checks.fail("/rules/\(index)/price", key: "canteen_rule_price")
                continue
            }
            rules.append(MealPricing.Rule(minAge: line.minAge, status: status, priceFen: price))
        }
        if rules.count == lines.count {
            for problem in MealPricing.problems(rules) { checks.fail("/rules/\(problem.index)", key: problem.key) }
        }
        try checks.finish()
        let text = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        let division = principal.division.value
        let row = try await CanteenPriceList.query(on: req.db).filter(\.$divisionCode == division).first() ?? CanteenPriceList()
        row.divisionCode = division
        row.rules = text
        row.updatedBy = principal.username
        row.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.save(on: db)
                try await AuditLog.record(
                    .canteenPricesChanged, result: .success, actor: req.auditActor, target: division, recordDivision: division,
                    ip: req.clientIP, requestID: req.id, detail: nil, at: req.lianxin.now(), on: db)
            }
        }
    }
}
