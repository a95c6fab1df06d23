import Vapor
import Fluent
import LianxinCore

/// `/party/households`: household points (以评弘德, 积分超市) — the conduct items, the households of the division with
/// their balances, one household's ledger with the forms to credit it and to spend its points at a merchant.
struct HouseholdConductPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("party")
        pages.get("households", use: list)
        pages.post("conduct-items", use: createItem)
        pages.get("households", ":id", use: household)
        pages.post("households", ":id", "conduct", use: award)
        pages.post("households", ":id", "exchange", use: exchange)
    }

    struct HouseholdLine: Encodable, Sendable {
        let id: String
        let address: String
        let balance: Int
    }

    struct ListModel: Encodable, Sendable {
        let items: [SelectOption]
        let households: [HouseholdLine]
        let canRecord: Bool
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        let households = try await Household.query(on: req.db).inScope(\.$communityCode, principal).sort(\.$address).limit(300).all()
        var balances: [UUID: Int] = [:]
        for entry in try await PointsLedgerStore.entries(of: households.compactMap(\.id), on: req.db) {
            balances[entry.volunteerID, default: 0] += entry.amount
        }
        let above = PartyLookup.lineage(principal.division.value)
        let items = try await ConductItem.query(on: req.db).group(.or) { $0.filter(\.$divisionCode ~~ above).inScope(\.$divisionCode, principal) }
            .sort(\.$label).all()
        let model = ListModel(
            items: items.map { SelectOption(value: "\($0.points)", label: $0.label, selected: false) },
            households: households.map { HouseholdLine(id: $0.id?.uuidString ?? "", address: $0.address, balance: balances[$0.id ?? UUID()] ?? 0) },
            canRecord: principal.role.can(.recordPartyPoints))
        return try await req.page("party/households", title: "party_households_title", model: model)
    }

    func createItem(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        do {
            _ = try await HouseholdConduct(req: req, principal: principal).createItem(try req.content.decode(HouseholdConduct.ItemInput.self))
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/party/households", problem: problem)
        }
        return req.redirect(to: "/party/households")
    }

    struct HouseholdModel: Encodable, Sendable {
        let ledger: HouseholdConduct.Ledger
        let lines: [LedgerLine]
        let items: [SelectOption]
        let goods: [SelectOption]
        let canRecord: Bool
        let canSpend: Bool
        let today: String
        let awardRefused: Bool
        let spendRefused: Bool
    }

    struct LedgerLine: Encodable, Sendable {
        let at: String
        let reason: String
        let label: String
        let amount: String
    }

    func household(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        let household = try await HouseholdConduct.household(req.parameters.get("id"), principal, req)
        let ledger = try await HouseholdConduct(req: req, principal: principal).ledger(household)
        let echo = req.formEcho
        let merchants = try await ExchangeService.merchants(principal, req).filter { principal.canSee(divisionCode: $0.communityCode) }
        let model = HouseholdModel(
            ledger: ledger,
            lines: ledger.lines.map {
                LedgerLine(
                    at: $0.at, reason: req.t("party_reason_\($0.reason)"), label: $0.label, amount: $0.amount > 0 ? "+\($0.amount)" : "\($0.amount)")
            },
            items: try await HouseholdConduct.items(for: household.communityCode, on: req.db).map {
                SelectOption(
                    value: $0.id?.uuidString ?? "", label: "\($0.label)（+\($0.points)）", selected: echo.values["itemId"] == $0.id?.uuidString)
            },
            goods: merchants.flatMap { merchant in
                merchant.goods.map {
                    SelectOption(
                        value: $0.id.uuidString, label: "\(merchant.name) · \($0.name)（\($0.points)）",
                        selected: echo.values["goodsId"] == $0.id.uuidString)
                }
            }, canRecord: principal.role.can(.recordPartyPoints), canSpend: principal.role.can(.orderCommunityServices),
            today: LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description,
            awardRefused: echo.action.hasSuffix("/conduct") && !echo.message.isEmpty,
            spendRefused: echo.action.hasSuffix("/exchange") && !echo.message.isEmpty)
        return try await req.page("party/household", title: "party_household_title", model: model)
    }

    func award(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let household = try await HouseholdConduct.household(req.parameters.get("id"), principal, req)
        let back = "/party/households/\(try household.requireID())"
        do {
            _ = try await HouseholdConduct(req: req, principal: principal).award(household, try req.content.decode(HouseholdConduct.AwardInput.self))
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }

    struct SpendForm: Content {
        var goodsId: String?
        var quantity: Int?
    }

    func exchange(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let household = try await HouseholdConduct.household(req.parameters.get("id"), principal, req)
        let back = "/party/households/\(try household.requireID())"
        let form = try req.content.decode(SpendForm.self)
        do {
            _ = try await ExchangeService.exchange(
                ExchangeController.ExchangeInput(
                    volunteerId: nil, householdId: try household.requireID(), goodsId: form.goodsId.flatMap(UUID.init(uuidString:)),
                    quantity: form.quantity), principal: principal, req)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }
}
