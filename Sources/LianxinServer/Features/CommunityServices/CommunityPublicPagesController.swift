import Vapor
import Fluent
import LianxinCore

/// The residents' pages under /p/: a community's service menu with the order form, the order's tracking page with
/// the evaluation, the public wish wall, the list of service stations, and an activity's QR check-in page.
struct CommunityPublicPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p")
        pages.get("services", ":community", use: menu)
        pages.post("services", ":community", use: order)
        pages.get("service-orders", ":code", use: track)
        pages.post("service-orders", ":code", "evaluation", use: evaluate)
        pages.get("wishes", use: wall)
        pages.get("stations", use: stations)
        pages.get("activity", ":code", use: activity)
        pages.post("activity", ":code", use: checkIn)
    }

    struct MenuModel: Encodable, Sendable {
        var communityCode: String
        var communityName: String
        var items: [ServiceOrdersController.ItemDTO]
        var values: [String: String]
        var errors: [String: String]
        var hasErrors: Bool
        var empty: Bool
    }

    func menu(req: Request) async throws -> Response {
        let community = try await ServiceOrdersController.publicCommunity(req.parameters.get("community"), req)
        return try await Self.menuPage(community, values: [:], errors: [:], req)
    }

    static func menuPage(_ community: Division, values: [String: String], errors: [String: String], _ req: Request,
                         status: HTTPResponseStatus = .ok) async throws -> Response {
        let items = try await ServiceMenuItem.query(on: req.db).filter(\.$communityCode == community.id ?? "").filter(\.$active == true)
            .sort(\.$name).all().map(ServiceOrdersController.dto)
        return try await req.page("community/public-order", title: "cs_public_order_title", model: MenuModel(
            communityCode: community.id ?? "", communityName: community.name, items: items, values: values, errors: errors,
            hasErrors: !errors.isEmpty, empty: items.isEmpty), status: status)
    }

    func order(req: Request) async throws -> Response {
        let community = try await ServiceOrdersController.publicCommunity(req.parameters.get("community"), req)
        struct Form: Content { var itemId: String?; var residentName: String?; var phone: String?; var address: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let values = ["itemId": form.itemId ?? "", "residentName": form.residentName ?? "", "phone": form.phone ?? "",
                      "address": form.address ?? "", "note": form.note ?? ""]
        do {
            let order = try await ServiceOrderService(req: req).create(ServiceOrderService.OrderInput(
                communityCode: community.id, itemId: form.itemId.flatMap(UUID.init(uuidString:)), residentName: form.residentName,
                phone: form.phone, address: form.address, note: form.note), community: community, principal: nil)
            return req.redirect(to: "/p/service-orders/\(order.trackingCode)?created=1")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            var errors: [String: String] = [:]
            for error in problem.errors { errors[String(error.field.dropFirst())] = error.message }
            return try await Self.menuPage(community, values: values, errors: errors, req, status: .unprocessableEntity)
        }
    }

    struct TrackModel: Encodable, Sendable {
        var order: ServiceOrdersController.PublicOrderDTO
        var history: [Step]
        var created: Bool
        var notice: String?
        var satisfactions: [SelectOption]
        struct Step: Encodable, Sendable { var status: String; var at: String }
    }

    func track(req: Request) async throws -> Response {
        let order = try await ServiceOrdersController.byCode(req.parameters.get("code"), req)
        return try await Self.trackPage(order, notice: nil, req)
    }

    static func trackPage(_ order: ServiceOrderRecord, notice: String?, _ req: Request, status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = try await ServiceOrdersController.publicDTO(order, req)
        let english = req.language == .en
        return try await req.page("community/public-track", title: "cs_public_track_title", model: TrackModel(
            order: view, history: view.history.map { TrackModel.Step(status: $0.status, at: CommunityFormat.time($0.at)) },
            created: (try? req.query.get(String.self, at: "created")) == "1", notice: notice,
            satisfactions: Satisfaction.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }),
            status: status)
    }

    func evaluate(req: Request) async throws -> Response {
        let order = try await ServiceOrdersController.byCode(req.parameters.get("code"), req)
        struct Form: Content { var satisfaction: String?; var comment: String? }
        let form = try req.content.decode(Form.self)
        do {
            let updated = try await ServiceOrderService(req: req).apply(
                ServiceOrderService.ActionInput(action: "evaluate", satisfaction: form.satisfaction, comment: form.comment),
                to: try order.requireID(), actor: "resident", resident: true)
            return try await Self.trackPage(updated, notice: req.t("cs_thanks"), req)
        } catch let problem as Problem where problem.status == .unprocessableEntity || problem.status == .conflict {
            return try await Self.trackPage(order, notice: CommunityFormat.message(problem), req, status: problem.status)
        }
    }

    struct WallModel: Encodable, Sendable {
        var wishes: [Row]
        struct Row: Encodable, Sendable { var wish: WishesController.WallWish; var created: String; var open: Bool }
    }

    func wall(req: Request) async throws -> Response {
        let wishes = try await WishesController.wall(community: try? req.query.get(String.self, at: "community"), req)
        return try await req.page("community/public-wishes", title: "cs_wall_title", model: WallModel(
            wishes: wishes.map { WallModel.Row(wish: $0, created: String(CommunityFormat.time($0.createdAt).prefix(10)), open: $0.status == "posted") }))
    }

    struct StationsModel: Encodable, Sendable { var stations: [StationsController.StationDTO] }

    func stations(req: Request) async throws -> Response {
        let stations = try await StationsController.publicStations(community: try? req.query.get(String.self, at: "community"),
                                                                   kind: try? req.query.get(String.self, at: "kind"), req)
        return try await req.page("community/public-stations", title: "cs_public_stations_title", model: StationsModel(stations: stations))
    }

    struct ActivityModel: Encodable, Sendable {
        var code: String
        var title: String
        var place: String
        var when: String
        var notice: String?
        var error: String?
    }

    func activity(req: Request) async throws -> Response {
        let activity = try await Self.activity(req)
        return try await Self.activityPage(activity, notice: nil, error: nil, req)
    }

    static func activityPage(_ activity: ActivityRecord, notice: String?, error: String?, _ req: Request,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        try await req.page("community/public-activity", title: "cs_checkin_title", model: ActivityModel(
            code: activity.checkinCode, title: activity.title, place: activity.place,
            when: CommunityFormat.time(activity.startsAt) + " – " + String(CommunityFormat.time(activity.endsAt).suffix(5)),
            notice: notice, error: error), status: status)
    }

    /// The volunteer scans the activity's QR code and gives their registered phone number: the first time checks
    /// them in (signing them up if there is room), the second time checks them out and credits the service.
    func checkIn(req: Request) async throws -> Response {
        let activity = try await Self.activity(req)
        struct Form: Content { var phone: String? }
        let phone = try req.content.decode(Form.self).phone ?? ""
        guard let number = try? PhoneNumber(parsing: phone),
              let volunteer = try await VolunteerRecord.query(on: req.db).filter(\.$phoneIndex == req.lianxin.cipher.blindIndex(number.value)).first() else {
            return try await Self.activityPage(activity, notice: nil, error: req.t("cs_checkin_unknown"), req, status: .unprocessableEntity)
        }
        let existing = try await SignUpRecord.query(on: req.db).filter(\.$activityID == activity.requireID()).filter(\.$volunteerID == volunteer.requireID()).first()
        let step: ActivitiesController.Attendance = existing?.checkedInAt == nil ? .checkIn : .checkOut
        do {
            let row = try await ActivitiesController.record(step, volunteer: volunteer, activity: activity, at: req.lianxin.now(), by: "qr",
                                                            signUpIfNeeded: true, req)
            let notice = step == .checkIn ? req.t("cs_checked_in") : req.t("cs_checked_out") + " \(row.minutes ?? 0) min"
            return try await Self.activityPage(activity, notice: PersonalDataMask.name(volunteer.name) + " · " + notice, error: nil, req)
        } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableEntity {
            return try await Self.activityPage(activity, notice: nil, error: problem.detail, req, status: problem.status)
        }
    }

    static func activity(_ req: Request) async throws -> ActivityRecord {
        guard let code = req.parameters.get("code"), RentalCode.isWellFormed(code),
              let activity = try await ActivityRecord.query(on: req.db).filter(\.$checkinCode == code).first() else {
            throw Problem.notFound("activity")
        }
        return activity
    }
}
