import Vapor
import Fluent
import LianxinCore

/// The staff pages of community services. Each form calls the same function as the API and comes back to its
/// page with a notice, or with the refusal's message (nothing written).
struct CommunityPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("community")
        pages.get(use: hub)
        pages.get("service-orders", use: orders)
        pages.post("service-menu", use: addItem)
        pages.post("service-orders", use: createOrder)
        pages.post("service-orders", ":id", "actions", use: actOnOrder)
        pages.get("wishes", use: wishes)
        pages.post("wishes", use: postWish)
        pages.post("wishes", ":id", "claim", use: claimWish)
        pages.post("wishes", ":id", "fulfilment", use: fulfilWish)
        pages.post("wishes", ":id", "confirmation", use: confirmWish)
        pages.get("volunteers", use: volunteers)
        pages.post("volunteers", use: register)
        pages.post("volunteer-teams", use: addTeam)
        pages.post("earn-rules", use: setRules)
        pages.get("activities", use: activities)
        pages.post("activities", use: createActivity)
        pages.post("activities", ":id", "attendance", use: attendance)
        pages.get("exchange", use: exchange)
        pages.post("merchants", use: addMerchant)
        pages.post("merchants", ":id", "goods", use: addGoods)
        pages.post("exchange", use: spend)
        pages.get("stations", use: stations)
        pages.post("stations", use: addStation)
    }

    /// Texts every community page shows after a form.
    struct Flash: Encodable, Sendable {
        var notice: String?
        var error: String?
        init(_ req: Request) {
            notice = try? req.query.get(String.self, at: "notice")
            error = try? req.query.get(String.self, at: "error")
        }
    }

    // MARK: Hub

    struct HubModel: Encodable, Sendable {
        var flash: Flash
        var counts: [CountsController.CommunityCounts]
        var ranking: [VolunteersController.RankedDTO]
        var dual: VolunteersController.DualCheckInDTO
        var year: String
    }

    func hub(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let first = LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        return try await req.page("community/hub", title: "cs_title", model: HubModel(
            flash: Flash(req), counts: try await CountsController.counts(principal, req),
            ranking: try await VolunteersController.ranking(by: "points", from: first, to: today, principal: principal, limit: 10, req),
            dual: try await VolunteersController.dualCheckIn(Quarter(containing: today), principal: principal, req),
            year: String(today.components.year)))
    }

    // MARK: Service orders

    struct OrderRow: Encodable, Sendable {
        var order: ServiceOrdersController.OrderDTO
        var created: String
        var canAssign: Bool
        var canTake: Bool
        var canComplete: Bool
        var canCancel: Bool
    }

    struct OrdersModel: Encodable, Sendable {
        var flash: Flash
        var menu: [ServiceOrdersController.ItemDTO]
        var orders: [OrderRow]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canOrder: Bool
        var communityChoice: Bool
        var publicLink: String?
    }

    func orders(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let menu = try await CommunityScope.limit(ServiceMenuItem.query(on: req.db), to: principal).filter(\.$active == true)
            .sort(\.$communityCode).sort(\.$name).all().map(ServiceOrdersController.dto)
        let records = try await CommunityScope.limit(ServiceOrderRecord.query(on: req.db), to: principal).sort(\.$createdAt, .descending).limit(200).all()
        let canManage = principal.role.can(.manageCommunityServices), canOrder = principal.role.can(.orderCommunityServices)
        let rows = try await ServiceOrdersController.dtos(records, events: false, req).map { order in
            OrderRow(order: order, created: CommunityFormat.time(order.createdAt),
                     canAssign: canManage && ["ordered", "assigned"].contains(order.status), canTake: canOrder && order.status == "assigned",
                     canComplete: canOrder && order.status == "taken", canCancel: canManage && ["ordered", "assigned"].contains(order.status))
        }
        return try await req.page("community/orders", title: "cs_orders_title", model: OrdersModel(
            flash: Flash(req), menu: menu, orders: rows, volunteers: try await Self.volunteerOptions(principal, req), canManage: canManage,
            canOrder: canOrder, communityChoice: principal.division.level != .community,
            publicLink: principal.division.level == .community ? "/p/services/\(principal.division.value)" : nil))
    }

    func addItem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/service-orders") {
            let item = try await ServiceOrdersController.addItem(try req.content.decode(ServiceOrdersController.ItemInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + item.name
        }
    }

    func createOrder(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        return try await req.communityForm(back: "/community/service-orders") {
            let input = try req.content.decode(ServiceOrderService.OrderInput.self)
            let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
            let order = try await ServiceOrderService(req: req).create(input, community: community, principal: principal)
            return req.t("cs_order_created") + " " + order.trackingCode
        }
    }

    func actOnOrder(req: Request) async throws -> Response {
        struct Form: Content { var action: String?; var volunteerId: String?; var reason: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let principal = try await req.require(["assign", "cancel"].contains(form.action ?? "") ? .manageCommunityServices : .orderCommunityServices)
        let order = try await CommunityScope.find(ServiceOrderRecord.self, req, principal, what: "service order")
        return try await req.communityForm(back: "/community/service-orders") {
            let input = ServiceOrderService.ActionInput(action: form.action, volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:)),
                                                        reason: form.reason, note: form.note)
            let updated = try await ServiceOrderService(req: req).apply(input, to: try order.requireID(), actor: principal.username, resident: false)
            return req.t("cs_saved") + " " + updated.trackingCode
        }
    }

    // MARK: Wishes

    struct WishRow: Encodable, Sendable {
        var wish: WishesController.WishDTO
        var created: String
        var canClaim: Bool
        var canFulfil: Bool
        var canConfirm: Bool
    }

    struct WishesModel: Encodable, Sendable {
        var flash: Flash
        var wishes: [WishRow]
        var volunteers: [SelectOption]
        var kinds: [SelectOption]
        var canOrder: Bool
        var communityChoice: Bool
    }

    func wishes(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let canOrder = principal.role.can(.orderCommunityServices)
        let records = try await CommunityScope.limit(WishRecord.query(on: req.db), to: principal).sort(\.$createdAt, .descending).limit(200).all()
        let rows = try records.map { record in
            let wish = try WishesController.dto(record, req)
            return WishRow(wish: wish, created: CommunityFormat.time(wish.createdAt), canClaim: canOrder && wish.status == "posted",
                           canFulfil: canOrder && wish.status == "claimed", canConfirm: canOrder && wish.status == "fulfilled")
        }
        return try await req.page("community/wishes", title: "cs_wishes_title", model: WishesModel(
            flash: Flash(req), wishes: rows, volunteers: try await Self.volunteerOptions(principal, req),
            kinds: WishClaimantKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(req.displayLanguage)) },
            canOrder: canOrder, communityChoice: principal.division.level != .community))
    }

    func postWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        return try await req.communityForm(back: "/community/wishes") {
            let wish = try await WishesController.post(try req.content.decode(WishesController.WishInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + wish.title
        }
    }

    func claimWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        struct Form: Content { var claimantKind: String?; var claimantName: String?; var volunteerId: String? }
        return try await req.communityForm(back: "/community/wishes") {
            let form = try req.content.decode(Form.self)
            _ = try await WishesController.claim(try wish.requireID(), WishesController.ClaimInput(
                claimantKind: form.claimantKind, claimantName: form.claimantName, volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:))),
                principal: principal, req)
            return req.t("cs_wish_claimed")
        }
    }

    func fulfilWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        return try await req.communityForm(back: "/community/wishes") {
            _ = try await WishesController.fulfil(wish, req)
            return req.t("cs_saved")
        }
    }

    func confirmWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        return try await req.communityForm(back: "/community/wishes") {
            _ = try await WishesController.confirm(try wish.requireID(), req)
            return req.t("cs_saved")
        }
    }

    // MARK: Volunteers

    struct VolunteersModel: Encodable, Sendable {
        var flash: Flash
        var volunteers: [VolunteersController.VolunteerDTO]
        var teams: [VolunteersController.TeamDTO]
        var rules: VolunteersController.RulesDTO?
        var rankingPoints: [VolunteersController.RankedDTO]
        var rankingHours: [VolunteersController.RankedDTO]
        var dual: VolunteersController.DualCheckInDTO
        var roundings: [String]
        var canManage: Bool
        var communityChoice: Bool
    }

    func volunteers(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let volunteers = try await VolunteersController.dtos(
            try await CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal).sort(\.$name).limit(1000).all(), req)
        let teams = try await CommunityScope.limit(VolunteerTeamRecord.query(on: req.db), to: principal).sort(\.$name).all()
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let first = LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        let rules = principal.division.level == .community
            ? VolunteersController.dto(try await PointsLedgerStore.rules(for: principal.division.value, on: req.db), community: principal.division.value) : nil
        return try await req.page("community/volunteers", title: "cs_volunteers_title", model: VolunteersModel(
            flash: Flash(req), volunteers: volunteers,
            teams: try teams.map { team in
                VolunteersController.TeamDTO(id: try team.requireID(), communityCode: team.communityCode, name: team.name,
                                             members: volunteers.filter { $0.teamId == team.id }.count)
            },
            rules: rules,
            rankingPoints: try await VolunteersController.ranking(by: "points", from: first, to: today, principal: principal, limit: 10, req),
            rankingHours: try await VolunteersController.ranking(by: "hours", from: first, to: today, principal: principal, limit: 10, req),
            dual: try await VolunteersController.dualCheckIn(Quarter(containing: today), principal: principal, req),
            roundings: PointsRounding.allCases.map(\.rawValue), canManage: principal.role.can(.manageCommunityServices),
            communityChoice: principal.division.level != .community))
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        struct Form: Content {
            var communityCode: String?; var name: String?; var phone: String?; var teamId: String?
            var partyMember: String?; var inService: String?; var workplace: String?
        }
        return try await req.communityForm(back: "/community/volunteers") {
            let form = try req.content.decode(Form.self)
            let volunteer = try await VolunteersController.register(VolunteersController.VolunteerInput(
                communityCode: form.communityCode, name: form.name, phone: form.phone, teamId: form.teamId.flatMap(UUID.init(uuidString:)),
                partyMember: form.partyMember == "true", inService: form.inService == "true", workplace: form.workplace), principal: principal, req)
            return req.t("cs_saved") + " " + volunteer.name
        }
    }

    func addTeam(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/volunteers") {
            let team = try await VolunteersController.addTeam(try req.content.decode(VolunteersController.TeamInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + team.name
        }
    }

    /// The staff member's own community's earn rules, through the API handler (same checks, same audit).
    func setRules(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/volunteers") {
            guard principal.division.level == .community else { throw Problem.invalid(field: "/communityCode", "community staff only / 仅限社区") }
            req.parameters.set("community", to: principal.division.value)
            _ = try await VolunteersController().setRules(req: req)
            return req.t("cs_saved")
        }
    }

    // MARK: Activities

    struct ActivityRow: Encodable, Sendable {
        var activity: ActivitiesController.ActivityDTO
        var starts: String
        var ends: String
        var signups: [SignUpRow]
    }

    struct SignUpRow: Encodable, Sendable {
        var volunteerId: String
        var name: String
        var checkedIn: String
        var checkedOut: String
        var minutes: Int?
        var canCheckIn: Bool
        var canCheckOut: Bool
    }

    struct ActivitiesModel: Encodable, Sendable {
        var flash: Flash
        var activities: [ActivityRow]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canRecord: Bool
        var communityChoice: Bool
    }

    func activities(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let records = try await CommunityScope.limit(ActivityRecord.query(on: req.db), to: principal).sort(\.$startsAt, .descending).limit(100).all()
        let rows = try await ActivitiesController.dtos(records, signups: true, req).map { activity in
            ActivityRow(activity: activity, starts: CommunityFormat.time(activity.startsAt), ends: CommunityFormat.time(activity.endsAt),
                        signups: (activity.signups ?? []).map {
                            SignUpRow(volunteerId: $0.volunteerId.uuidString, name: $0.name, checkedIn: CommunityFormat.time($0.checkedInAt),
                                      checkedOut: CommunityFormat.time($0.checkedOutAt), minutes: $0.minutes,
                                      canCheckIn: $0.checkedInAt == nil, canCheckOut: $0.checkedInAt != nil && $0.checkedOutAt == nil)
                        })
        }
        return try await req.page("community/activities", title: "cs_activities_title", model: ActivitiesModel(
            flash: Flash(req), activities: rows, volunteers: try await Self.volunteerOptions(principal, req),
            canManage: principal.role.can(.manageCommunityServices), canRecord: principal.role.can(.orderCommunityServices),
            communityChoice: principal.division.level != .community))
    }

    func createActivity(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/activities") {
            let activity = try await ActivitiesController.create(try req.content.decode(ActivitiesController.ActivityInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + activity.title
        }
    }

    /// Sign-up, check-in or check-out of one volunteer by the organiser.
    func attendance(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(ActivityRecord.self, req, principal, what: "activity")
        struct Form: Content { var action: String?; var volunteerId: String? }
        return try await req.communityForm(back: "/community/activities") {
            let form = try req.content.decode(Form.self)
            let volunteer = try await ActivitiesController.volunteer(form.volunteerId.flatMap(UUID.init(uuidString:)), principal: principal, req)
            switch form.action {
            case "signUp":
                try await req.lianxin.writes.run {
                    try await req.db.transaction { db in _ = try await ActivitiesController.signUp(volunteer, to: activity, at: req.lianxin.now(), on: db) }
                }
            case "checkIn", "checkOut":
                _ = try await ActivitiesController.record(form.action == "checkIn" ? .checkIn : .checkOut, volunteer: volunteer, activity: activity,
                                                          at: req.lianxin.now(), by: "organiser", signUpIfNeeded: false, req)
            default:
                throw Problem.invalid(field: "/action", "signUp, checkIn or checkOut")
            }
            return req.t("cs_saved") + " " + volunteer.name
        }
    }

    // MARK: Exchange

    struct ExchangeModel: Encodable, Sendable {
        var flash: Flash
        var merchants: [ExchangeController.MerchantDTO]
        var goods: [SelectOption]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canRecord: Bool
        var communityChoice: Bool
    }

    func exchange(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let merchants = try await ExchangeController.merchants(principal, req)
        let volunteers = try await VolunteersController.dtos(
            try await CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal).sort(\.$name).limit(1000).all(), req)
        return try await req.page("community/exchange", title: "cs_exchange_title", model: ExchangeModel(
            flash: Flash(req), merchants: merchants,
            goods: merchants.flatMap { merchant in merchant.goods.map { SelectOption(value: $0.id.uuidString, label: "\(merchant.name) · \($0.name) (\($0.points))") } },
            volunteers: volunteers.map { SelectOption(value: $0.id.uuidString, label: "\($0.name) (\($0.balance))") },
            canManage: principal.role.can(.manageCommunityServices), canRecord: principal.role.can(.orderCommunityServices),
            communityChoice: principal.division.level != .community))
    }

    func addMerchant(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/exchange") {
            let merchant = try await ExchangeController.addMerchant(try req.content.decode(ExchangeController.MerchantInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + merchant.name
        }
    }

    func addGoods(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await CommunityScope.find(MerchantRecord.self, req, principal, what: "merchant")
        return try await req.communityForm(back: "/community/exchange") {
            let goods = try await ExchangeController.addGoods(try req.content.decode(ExchangeController.GoodsInput.self), to: merchant, req)
            return req.t("cs_saved") + " " + goods.name
        }
    }

    func spend(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        struct Form: Content { var volunteerId: String?; var goodsId: String?; var quantity: Int? }
        return try await req.communityForm(back: "/community/exchange") {
            let form = try req.content.decode(Form.self)
            let result = try await ExchangeController.exchange(ExchangeController.ExchangeInput(
                volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:)), goodsId: form.goodsId.flatMap(UUID.init(uuidString:)),
                quantity: form.quantity), principal: principal, req)
            return req.t("cs_exchanged") + " −\(result.points) → \(result.balance ?? 0)"
        }
    }

    // MARK: Stations

    struct StationsModel: Encodable, Sendable {
        var flash: Flash
        var stations: [StationsController.StationDTO]
        var kinds: [SelectOption]
        var canManage: Bool
        var communityChoice: Bool
    }

    func stations(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let rows = try await CommunityScope.limit(ServiceStationRecord.query(on: req.db), to: principal).sort(\.$name).all()
        return try await req.page("community/stations", title: "cs_stations_title", model: StationsModel(
            flash: Flash(req), stations: try await StationsController.dtos(rows, req),
            kinds: ServiceStationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(req.displayLanguage)) },
            canManage: principal.role.can(.manageCommunityServices), communityChoice: principal.division.level != .community))
    }

    func addStation(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        struct Form: Content {
            var communityCode: String?; var name: String?; var kind: String?; var address: String?
            var latitude: String?; var longitude: String?; var services: String?; var openingHours: String?; var phone: String?
        }
        return try await req.communityForm(back: "/community/stations") {
            let form = try req.content.decode(Form.self)
            let station = try await StationsController.create(StationsController.StationInput(
                communityCode: form.communityCode, name: form.name, kind: form.kind, address: form.address,
                latitude: form.latitude.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) },
                longitude: form.longitude.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) },
                services: (form.services ?? "").split(whereSeparator: { $0 == "\n" || $0 == "、" || $0 == "," }).map(String.init),
                openingHours: form.openingHours, phone: form.phone), principal: principal, req)
            return req.t("cs_saved") + " " + station.name
        }
    }

    // MARK: Shared

    static func volunteerOptions(_ principal: Principal, _ req: Request) async throws -> [SelectOption] {
        try await CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal).sort(\.$name).limit(1000).all()
            .map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.partyMember ? "\($0.name) ☆" : $0.name) }
    }
}
