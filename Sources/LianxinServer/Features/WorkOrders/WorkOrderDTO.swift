import Vapor
import LianxinCore

/// A work order as the API shows it to staff: personal data masked.
struct WorkOrderDTO: Content {
    struct Clock: Content {
        var stage: String
        var startedAt: Date
        var dueAt: Date
        var warningAt: Date
        var status: String
        var running: Bool
    }

    /// One assisting unit's part of a joint order (协办).
    struct Assist: Content {
        var departmentId: UUID
        var status: String
        var addedAt: Date
        var signedAt: Date?
        var reportedAt: Date?
        var note: String?
    }

    var id: UUID
    var number: String
    var trackingCode: String
    var status: String
    var channel: String
    var requestKind: String
    var categoryCode: String
    /// The category version the order was filed with (nil before the catalogue kept versions).
    var categoryVersion: Int?
    var tier: String
    var priority: String
    var handlingLevel: String
    var title: String
    var description: String
    var latitude: Double?
    var longitude: Double?
    var address: String?
    var divisionCode: String
    var gridCode: String?
    var gridVersion: Int?
    var departmentId: UUID?
    var suggestedDepartmentId: UUID?
    var assigneeId: UUID?
    var requesterName: String?
    var requesterPhone: String?
    var anonymous: Bool
    var parentId: UUID?
    var supervisionLevel: Int
    var overdue: Bool
    var slaPolicy: String
    var clocks: [Clock]
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    /// The assisting units' parts (主办/协办); empty for an order handled by one unit.
    var assists: [Assist]

    init(_ order: WorkOrder, cipher: FieldCipher, calendar: WorkCalendar, now: Date) throws {
        id = try order.requireID()
        number = order.number
        trackingCode = order.trackingCode
        status = order.status
        channel = order.channel
        requestKind = order.requestKind
        categoryCode = order.categoryCode
        categoryVersion = order.categoryVersion
        tier = order.tier
        priority = order.priority
        handlingLevel = order.handlingLevel
        title = order.title
        description = order.description
        latitude = order.latitude
        longitude = order.longitude
        address = order.address
        divisionCode = order.divisionCode
        gridCode = order.gridCode
        gridVersion = order.gridVersion
        departmentId = order.departmentID
        suggestedDepartmentId = order.suggestedDepartmentID
        assigneeId = order.assigneeID
        requesterName = order.requesterName.map(PersonalDataMask.name)
        requesterPhone = try order.requesterPhoneCipher.map {
            PersonalDataMask.phone(try cipher.open($0, for: .workOrderRequesterPhone, row: try order.requireID()))
        }
        anonymous = order.anonymous
        parentId = order.parentID
        supervisionLevel = order.supervisionLevel
        overdue = order.overdue
        slaPolicy = order.slaPolicyCode
        clocks = try WorkOrderService.decodeClocks(order).clocks.map { clock in
            Clock(
                stage: clock.stage.rawValue, startedAt: clock.startedAt, dueAt: clock.due(asOf: now, in: calendar),
                warningAt: clock.warningTime(asOf: now, in: calendar), status: clock.status(at: now, in: calendar).rawValue,
                running: clock.isRunning)
        }
        version = order.version
        assists = try WorkOrderService.decodeState(order).assists.map {
            Assist(
                departmentId: $0.departmentID, status: $0.status.rawValue, addedAt: $0.addedAt, signedAt: $0.signedAt,
                reportedAt: $0.reportedAt, note: $0.note)
        }
        createdAt = order.createdAt
        updatedAt = order.updatedAt
    }
}

/// One event of an order's history.
struct WorkOrderEventDTO: Content {
    var sequence: Int
    var kind: String
    var from: String?
    var to: String
    var actor: String
    var actorId: UUID?
    var at: Date
    var note: String?

    init(_ record: WorkOrderEventRecord) {
        sequence = record.sequence
        kind = record.kind
        from = record.fromStatus
        to = record.toStatus
        actor = record.actor
        actorId = record.actorID
        at = record.at
        note = record.note
    }
}
