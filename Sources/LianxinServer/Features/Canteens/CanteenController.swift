import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/canteens/…` (幸福食堂): the month's figures, canteens, diners (ID numbers sealed), meals served at the
/// listed price, and the division's price list.
struct CanteenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "canteens")
        api.get("overview", use: overview)
        api.post(use: addCanteen)
        api.post("diners", use: registerDiner)
        api.post("meals", use: recordMeals)
        api.put("prices", use: setPrices)
    }

    struct Created: Content {
        var id: String
    }

    struct Recorded: Content {
        var meals: Int
        var paid: String
        var subsidy: String
    }

    func overview(req: Request) async throws -> CanteenFigures {
        try await CanteenFigures.load(req, principal: try await req.require(.viewCanteens), month: req.query[String.self, at: "month"])
    }

    func addCanteen(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let row = try await CanteenService(req: req, principal: principal).addCanteen(try req.content.decode(CanteenService.CanteenInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func registerDiner(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let row = try await CanteenService(req: req, principal: principal).registerDiner(try req.content.decode(CanteenService.DinerInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func recordMeals(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let meals = try await CanteenService(req: req, principal: principal).recordMeals(try req.content.decode(CanteenService.MealsInput.self))
        return try await Recorded(
            meals: meals.count, paid: CanteenFigures.yuan(meals.reduce(0) { $0 + $1.priceFen }),
            subsidy: CanteenFigures.yuan(meals.reduce(0) { $0 + $1.subsidyFen })
        ).encodeResponse(status: .created, for: req)
    }

    func setPrices(req: Request) async throws -> HTTPStatus {
        let principal = try await req.require(.setCanteenPrices)
        try await CanteenService(req: req, principal: principal).setPriceList(try req.content.decode(CanteenService.PriceListInput.self))
        return .noContent
    }
}

/// `/canteens`: the figures, and the forms of the community staff who run a canteen: open a canteen, register a
/// diner, tick who ate at a sitting.
struct CanteenPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("canteens")
        pages.get(use: page)
        pages.post(use: addCanteen)
        pages.post("diners", use: registerDiner)
        pages.post("meals", use: recordMeals)
    }

    struct DinerLine: Encodable, Sendable {
        let id: String
        let name: String
        let idNumber: String
        let age: Int
        let status: String
        let checked: Bool
    }

    struct Model: Encodable, Sendable {
        let figures: CanteenFigures
        let canManage: Bool
        let villagePicker: DivisionPicker
        let canteens: [SelectOption]
        let statuses: [SelectOption]
        let sittings: [SelectOption]
        let chosen: String
        let chosenName: String
        let diners: [DinerLine]
        let today: String
        let notice: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCanteens)
        let echo = req.formEcho
        let figures = try await CanteenFigures.load(req, principal: principal, month: req.query[String.self, at: "month"])
        let canteens = try await Canteen.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$name).all()
        let chosenID = echo.values["canteenId"] ?? req.query[String.self, at: "canteen"] ?? canteens.first?.id?.uuidString ?? ""
        let chosen = canteens.first { $0.id?.uuidString == chosenID }
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        var diners: [DinerLine] = []
        if let chosen {
            let ticked = Set((echo.values["dinerIds"] ?? "").split(separator: ",").map(String.init))
            for row in try await CanteenDiner.query(on: req.db).filter(\.$canteenID == chosen.requireID()).sort(\.$name).all() {
                let birth = LocalDate(iso: row.birthDate) ?? today
                let id = try row.requireID()
                // Shown masked, as everywhere: the surname and the last four characters of the ID number.
                let number = try req.lianxin.cipher.open(row.idNumberCipher, for: .canteenDinerIDNumber, row: id)
                diners.append(
                    DinerLine(
                        id: id.uuidString, name: PersonalDataMask.name(row.name), idNumber: PersonalDataMask.idNumber(number),
                        age: MealPricing.age(
                            born: (birth.year, birth.components.month, birth.components.day),
                            on: (today.year, today.components.month, today.components.day)),
                        status: req.t("canteen_status_\(row.status)"), checked: ticked.contains(id.uuidString)))
            }
        }
        let model = Model(
            figures: figures, canManage: principal.role.can(.manageCanteens),
            villagePicker: try await DivisionPicker.load(
                req, id: "canteen-village", name: "divisionCode", label: req.t("canteen_village"), under: principal.division,
                selected: echo.values["divisionCode"], only: .community, empty: req.t("field_picker_choose"),
                error: echo.errors["divisionCode"] ?? ""),
            canteens: canteens.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == chosenID) },
            statuses: MealPricing.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("canteen_status_\($0.rawValue)"), selected: echo.values["status"] == $0.rawValue)
            },
            sittings: CanteenService.sittings.map {
                SelectOption(value: $0, label: req.t("canteen_sitting_\($0)"), selected: (echo.values["sitting"] ?? "lunch") == $0)
            }, chosen: chosen?.id?.uuidString ?? "", chosenName: chosen?.name ?? "", diners: diners,
            today: echo.values["servedOn"] ?? today.description,
            notice: req.query[String.self, at: "done"] != nil ? req.t("canteen_saved") : "")
        return try await req.page("canteens/overview", title: "canteen_title", model: model)
    }

    func addCanteen(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let input = try req.content.decode(CanteenService.CanteenInput.self)
        do {
            let row = try await CanteenService(req: req, principal: principal).addCanteen(input)
            return req.redirect(to: "/canteens?done=1&canteen=\(try row.requireID())")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/canteens", problem: problem)
        }
    }

    func registerDiner(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let input = try req.content.decode(CanteenService.DinerInput.self)
        do {
            _ = try await CanteenService(req: req, principal: principal).registerDiner(input)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/canteens?canteen=\(input.canteenId ?? "")", problem: problem)
        }
        return req.redirect(to: "/canteens?done=1&canteen=\(input.canteenId ?? "")")
    }

    func recordMeals(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCanteens)
        let input = try req.content.decode(CanteenService.MealsInput.self)
        do {
            _ = try await CanteenService(req: req, principal: principal).recordMeals(input)
        } catch let problem as Problem where problem.status.code < 500 {
            let values = [
                "canteenId": input.canteenId ?? "", "servedOn": input.servedOn ?? "", "sitting": input.sitting ?? "",
                "dinerIds": (input.dinerIds ?? []).joined(separator: ","),
            ]
            return try await req.sendBack(
                to: "/canteens?canteen=\(input.canteenId ?? "")", echo: FormEcho(action: "/canteens/meals", values: values, problem: problem, req))
        }
        return req.redirect(to: "/canteens?done=1&canteen=\(input.canteenId ?? "")")
    }
}
