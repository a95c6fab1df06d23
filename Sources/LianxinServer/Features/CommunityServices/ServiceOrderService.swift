import Vapor
import Fluent
import LianxinCore

/// Service orders (居民点单、社区派单、党员接单) on top of `ServiceOrderMachine`: creation from a community's menu,
/// and each action written with its history event in one transaction.
struct ServiceOrderService {
    let req: Request

    struct OrderInput: Content {
        var communityCode: String?
        var itemId: UUID?
        var residentName: String?
        var phone: String?
        var address: String?
        var note: String?
    }

    struct ActionInput: Content {
        /// assign, take, decline, complete, evaluate, cancel.
        var action: String?
        var volunteerId: UUID?
        var reason: String?
        var note: String?
        var satisfaction: String?
        var solved: Bool?
        var comment: String?
        /// The last four digits of the resident's phone, when they evaluate by the public code.
        var phoneSuffix: String? = nil
    }

    static let actions = ["assign", "take", "decline", "complete", "evaluate", "cancel"]

    /// Orders `input` (all fields checked first, every problem named); `principal` nil for the resident's own order.
    func create(_ input: OrderInput, community: Division, principal: Principal?) async throws -> ServiceOrder {
        var checks = InputValidator(req)
        let name = checks.text(input.residentName, "/residentName", 1...50)
        let phone = checks.phone(input.phone, "/phone")
        let address = checks.text(input.address, "/address", 2...200)
        let note = checks.text(input.note, "/note", 0...500)
        var item: ServiceMenuItem?
        if let id = input.itemId { item = try await ServiceMenuItem.find(id, on: req.db) }
        let communityCode = community.id ?? ""
        if item == nil || item?.communityCode != communityCode || item?.active != true {
            checks.fail("/itemId", "a service on this community's menu / 请选择本社区服务清单中的服务")
        }
        try checks.finish()
        guard let item, let itemID = item.id else { throw Problem.invalid(field: "/itemId", "unknown service") }
        let context = req.lianxin
        let now = context.now()
        let order = ServiceOrder()
        order.id = UUID()
        var generator = SystemRandomNumberGenerator()
        order.trackingCode = TrackingCode.generate(using: &generator)
        order.communityCode = communityCode
        order.itemID = itemID
        order.itemName = item.name
        order.residentName = name
        order.phoneCipher = try context.cipher.seal(phone, for: .serviceOrderPhone, row: order.id!)
        order.address = address
        order.note = note
        order.status = ServiceOrderStatus.ordered.rawValue
        order.source = principal == nil ? "public" : "staff"
        order.orderedBy = principal?.userID
        order.createdAt = now
        order.updatedAt = now
        order.events = 1
        let event = Self.event(
            order, sequence: 1, action: "order", from: nil, actor: principal?.username ?? "resident",
            volunteer: nil, note: note.isEmpty ? nil : note, at: now)
        try await context.writes.run {
            try await req.db.transaction { db in
                try await order.create(on: db)
                try await event.create(on: db)
            }
        }
        return order
    }

    /// Applies the action of `input` to the order `id` and records it; `actor` is the username or `resident`.
    func apply(_ input: ActionInput, to id: UUID, actor: String, resident: Bool) async throws -> ServiceOrder {
        let action = try await Self.action(input, communityOf: id, on: req.db, req.lianxin.localizer)
        if resident, !["evaluate", "cancel"].contains(action.name) { throw Problem.forbidden }
        let context = req.lianxin
        let now = context.now()
        return try await context.writes.run {
            try await req.db.transaction { db in
                try await CommunityServicesQueries.lock(ServiceOrder.schema, id: id, on: db)
                guard let order = try await ServiceOrder.find(id, on: db),
                    let status = ServiceOrderStatus(rawValue: order.status)
                else { throw Problem.notFound("service order") }
                let next: (status: ServiceOrderStatus, assignee: UUID?)
                do {
                    next = try ServiceOrderMachine.apply(action, status: status, assignee: order.volunteerID)
                } catch let error as ServiceOrderError {
                    throw Problem.conflict(error.description, field: error.field)
                }
                var note: String?
                switch action {
                case .complete(let text):
                    note = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    order.completionNote = note
                case .evaluate(let evaluation):
                    order.satisfaction = evaluation.satisfaction.rawValue
                    order.solved = evaluation.solved
                    order.comment = evaluation.comment
                    note = evaluation.comment
                case .decline(_, let reason), .cancel(let reason):
                    note = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                case .assign, .take:
                    break
                }
                order.status = next.status.rawValue
                order.volunteerID = next.assignee
                order.events += 1
                order.updatedAt = now
                try await order.update(on: db)
                try await Self.event(
                    order, sequence: order.events, action: action.name, from: status.rawValue, actor: actor,
                    volunteer: next.assignee ?? input.volunteerId, note: note, at: now
                ).create(on: db)
                return order
            }
        }
    }

    /// The machine's action from the input, checking its fields (the volunteer must belong to the order's community).
    private static func action(_ input: ActionInput, communityOf id: UUID, on db: any Database, _ texts: Localizer) async throws -> ServiceOrderAction
    {
        guard let order = try await ServiceOrder.find(id, on: db) else { throw Problem.notFound("service order") }
        func volunteer() async throws -> UUID {
            guard let volunteerID = input.volunteerId, let row = try await Volunteer.find(volunteerID, on: db),
                row.communityCode.hasPrefix(String(order.communityCode.prefix(9)))
            else {
                throw Problem.invalid(field: "/volunteerId", "a volunteer registered in this township / 须为本街道（乡镇）登记的志愿者")
            }
            return volunteerID
        }
        switch input.action ?? "" {
        case "assign": return .assign(volunteerID: try await volunteer())
        case "take": return .take(volunteerID: try await volunteer())
        case "decline":
            return .decline(volunteerID: try await volunteer(), reason: try InputValidator.optionalText(input.reason, "/reason", texts) ?? "")
        case "complete": return .complete(note: try InputValidator.optionalText(input.note, "/note", texts) ?? "")
        case "evaluate":
            guard let satisfaction = input.satisfaction.flatMap(Satisfaction.init(rawValue:)) else {
                throw Problem.invalid(field: "/satisfaction", "choose how satisfied you are / 请选择满意度")
            }
            let comment = try InputValidator.optionalText(input.comment, "/comment", texts)
            return .evaluate(Evaluation(satisfaction: satisfaction, solved: input.solved ?? (satisfaction != .dissatisfied), comment: comment))
        case "cancel": return .cancel(reason: try InputValidator.optionalText(input.reason, "/reason", texts) ?? "")
        default: throw Problem.invalid(field: "/action", "choose one of the options offered / 请从给出的选项中选择")
        }
    }

    private static func event(
        _ order: ServiceOrder, sequence: Int, action: String, from: String?, actor: String,
        volunteer: UUID?, note: String?, at: Date
    ) -> ServiceOrderEvent {
        let event = ServiceOrderEvent()
        event.orderID = order.id ?? UUID()
        event.sequence = sequence
        event.action = action
        event.fromStatus = from
        event.toStatus = order.status
        event.actor = actor
        event.volunteerID = volunteer
        event.note = note
        event.at = at
        return event
    }
}
