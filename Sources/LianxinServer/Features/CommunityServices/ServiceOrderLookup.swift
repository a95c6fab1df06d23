import Vapor
import Fluent
import LianxinCore

/// Service orders and the service menu as the API and the pages (staff and public) both read and add them.
enum ServiceOrderLookup {
    typealias EventDTO = ServiceOrdersController.EventDTO
    typealias ItemDTO = ServiceOrdersController.ItemDTO
    typealias ItemInput = ServiceOrdersController.ItemInput
    typealias OrderDTO = ServiceOrdersController.OrderDTO
    typealias PublicOrderDTO = ServiceOrdersController.PublicOrderDTO
    typealias PublicStep = ServiceOrdersController.PublicStep

    static func dto(_ item: ServiceMenuItem) throws -> ItemDTO {
        ItemDTO(id: try item.requireID(), communityCode: item.communityCode, name: item.name, description: item.details, active: item.active)
    }

    static func publicDTO(_ order: ServiceOrder, _ req: Request) async throws -> PublicOrderDTO {
        let events = try await ServiceOrderEvent.query(on: req.db).filter(\.$orderID == order.requireID()).sort(\.$sequence).all()
        let status = ServiceOrderStatus(rawValue: order.status) ?? .ordered
        let language = req.displayLanguage
        return PublicOrderDTO(
            trackingCode: order.trackingCode, itemName: order.itemName, residentName: PersonalDataMask.name(order.residentName),
            status: order.status, statusTitle: status.title(language), canEvaluate: status == .completed, satisfaction: order.satisfaction,
            createdAt: order.createdAt,
            history: events.map {
                PublicStep(action: $0.action, status: (ServiceOrderStatus(rawValue: $0.toStatus) ?? .ordered).title(language), at: $0.at)
            })
    }

    static func publicCommunity(_ code: String?, _ req: Request) async throws -> Division {
        guard let code, CommunityScope.isCode(code), let community = try await Division.find(code, on: req.db),
            community.level == DivisionLevel.community.rawValue
        else {
            throw Problem.notFound("community")
        }
        return community
    }

    static func dtos(_ orders: [ServiceOrder], events withEvents: Bool, _ req: Request) async throws -> [OrderDTO] {
        let volunteerIDs = Array(Set(orders.compactMap(\.volunteerID)))
        let names =
            volunteerIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Volunteer.query(on: req.db)
                    .filter(\.$id ~~ volunteerIDs).all().map { ($0.id ?? UUID(), $0.name) })
        let language = req.displayLanguage
        let cipher = req.lianxin.cipher
        var result: [OrderDTO] = []
        for order in orders {
            let id = try order.requireID()
            let events =
                withEvents
                ? try await ServiceOrderEvent.query(on: req.db).filter(\.$orderID == id).sort(\.$sequence).all()
                    .map {
                        EventDTO(
                            sequence: $0.sequence, action: $0.action, fromStatus: $0.fromStatus, toStatus: $0.toStatus, actor: $0.actor,
                            volunteerId: $0.volunteerID, note: $0.note, at: $0.at)
                    } : nil
            let status = ServiceOrderStatus(rawValue: order.status) ?? .ordered
            result.append(
                OrderDTO(
                    id: id, trackingCode: order.trackingCode, communityCode: order.communityCode, itemId: order.itemID, itemName: order.itemName,
                    residentName: order.residentName,
                    phone: PersonalDataMask.phone((try? cipher.open(order.phoneCipher, for: .serviceOrderPhone, row: try order.requireID())) ?? ""),
                    address: order.address, note: order.note, status: order.status, statusTitle: status.title(language),
                    volunteerId: order.volunteerID, volunteerName: order.volunteerID.flatMap { names[$0] }, source: order.source,
                    completionNote: order.completionNote, satisfaction: order.satisfaction, solved: order.solved, comment: order.comment,
                    createdAt: order.createdAt, updatedAt: order.updatedAt, events: events))
        }
        return result
    }

    static func byCode(_ text: String?, _ req: Request) async throws -> ServiceOrder {
        guard let code = text.flatMap(TrackingCode.normalized),
            let order = try await ServiceOrder.query(on: req.db).filter(\.$trackingCode == code).first()
        else {
            throw Problem.notFound("tracking code")
        }
        return order
    }

    static func addItem(_ input: ItemInput, principal: Principal, _ req: Request) async throws -> ServiceMenuItem {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let details = checks.text(input.description, "/description", 0...500)
        try checks.finish()
        let item = ServiceMenuItem()
        item.communityCode = community.id ?? ""
        item.name = name
        item.details = details
        item.active = true
        item.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await item.create(on: req.db) }
        return item
    }
}
