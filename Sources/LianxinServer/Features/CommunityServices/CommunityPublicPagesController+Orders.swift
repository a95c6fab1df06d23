import Vapor
import Fluent
import LianxinCore

/// The public service menu, ordering, tracking and evaluating an order.
extension CommunityPublicPagesController {
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
        let community = try await ServiceOrderLookup.publicCommunity(req.parameters.get("community"), req)
        return try await Self.menuPage(community, values: [:], errors: [:], req)
    }

    static func menuPage(
        _ community: Division, values: [String: String], errors: [String: String], _ req: Request,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let items = try await ServiceMenuItem.query(on: req.db).filter(\.$communityCode == community.id ?? "").filter(\.$active == true)
            .sort(\.$name).all().map(ServiceOrderLookup.dto)
        return try await req.page(
            "community/public-order", title: "cs_public_order_title",
            model: MenuModel(
                communityCode: community.id ?? "", communityName: community.name, items: items, values: values, errors: errors,
                hasErrors: !errors.isEmpty, empty: items.isEmpty), status: status)
    }

    func order(req: Request) async throws -> Response {
        let community = try await ServiceOrderLookup.publicCommunity(req.parameters.get("community"), req)
        struct Form: Content { var itemId: String?; var residentName: String?; var phone: String?; var address: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let values = [
            "itemId": form.itemId ?? "", "residentName": form.residentName ?? "", "phone": form.phone ?? "",
            "address": form.address ?? "", "note": form.note ?? "",
        ]
        do {
            let order = try await ServiceOrderService(req: req).create(
                ServiceOrderService.OrderInput(
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
        /// A refusal that belongs to no field (the order changed meanwhile, too many tries).
        var error: String?
        /// Messages beside their fields, by field name.
        var errors: [String: String]
        /// What was typed, kept when the form comes back.
        var values: [String: String]
        var satisfactions: [SelectOption]
        struct Step: Encodable, Sendable { var status: String; var at: String }
    }

    func track(req: Request) async throws -> Response {
        let order = try await ServiceOrderLookup.byCode(req.parameters.get("code"), req)
        let evaluated = (try? req.query.get(String.self, at: "evaluated")) == "1"
        return try await Self.trackPage(order, notice: evaluated ? req.t("cs_thanks") : nil, req)
    }

    static func trackPage(
        _ order: ServiceOrder, notice: String?, error: String? = nil, errors: [String: String] = [:], values: [String: String] = [:],
        _ req: Request, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let view = try await ServiceOrderLookup.publicDTO(order, req)
        let english = req.language == .en
        return try await req.page(
            "community/public-track", title: "cs_public_track_title",
            model: TrackModel(
                order: view, history: view.history.map { TrackModel.Step(status: $0.status, at: CommunityFormat.time($0.at)) },
                created: (try? req.query.get(String.self, at: "created")) == "1", notice: notice, error: error, errors: errors, values: values,
                satisfactions: Satisfaction.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
                    .selecting(values["satisfaction"])),
            status: status)
    }

    func evaluate(req: Request) async throws -> Response {
        let order = try await ServiceOrderLookup.byCode(req.parameters.get("code"), req)
        struct Form: Content { var satisfaction: String?; var comment: String?; var phoneSuffix: String? }
        let form = try req.content.decode(Form.self)
        do {
            try RequesterConfirmation.check(
                sealedPhone: order.phoneCipher, in: .serviceOrderPhone, row: try order.requireID(), typed: form.phoneSuffix, req)
            let updated = try await ServiceOrderService(req: req).apply(
                ServiceOrderService.ActionInput(action: "evaluate", satisfaction: form.satisfaction, comment: form.comment),
                to: try order.requireID(), actor: "resident", resident: true)
            return req.redirect(to: "/p/service-orders/\(updated.trackingCode)?evaluated=1")
        } catch let problem as Problem where [.unprocessableEntity, .conflict, .tooManyRequests].contains(problem.status) {
            // The form comes back with each message beside its field and what was typed (but the phone's digits).
            let errors = problem.fieldMessages(req.language)
            return try await Self.trackPage(
                order, notice: nil, error: errors.isEmpty ? problem.detail(req.language) : nil, errors: errors,
                values: ["satisfaction": form.satisfaction ?? "", "comment": form.comment ?? ""], req, status: problem.status)
        }
    }
}
