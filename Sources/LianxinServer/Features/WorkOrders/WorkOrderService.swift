import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Creates work orders and moves them through the state machine. Each write — the order row, its
/// event and its SLA alerts — happens in one transaction; the row is a projection of the events.
struct WorkOrderService {
    let application: Application
    let database: any Database

    private var context: LianxinContext { application.lianxin }

    // MARK: Intake

    /// Checks a new request; every problem is reported at once, each under its field.
    func validate(_ input: NewWorkOrder, scope: DivisionCode?) async throws -> ValidWorkOrder {
        var checks = InputValidator(context.localizer)
        func fail(_ field: String, _ message: String) { checks.fail("/\(field)", message) }
        func trimmed(_ text: String?) -> String { text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

        let title = trimmed(input.title)
        if title.isEmpty || title.count > 200 { fail("title", "1–200 characters / 标题须为 1–200 字") }
        let description = trimmed(input.description)
        if description.isEmpty || description.count > 4000 { fail("description", "1–4000 characters / 描述须为 1–4000 字") }
        var category: Category?
        let catalog = try await ReferenceData.catalog(context.referenceCache, on: database)
        if let code = input.categoryCode, let found = catalog.category(code) {
            category = found
        } else {
            fail("categoryCode", "unknown category / 事项分类不存在")
        }
        let channel = LianxinCore.Channel(rawValue: input.channel ?? "hotline")
        if channel == nil { fail("channel", "one of \(LianxinCore.Channel.allCases.map(\.rawValue).joined(separator: ", "))") }
        let kind = RequestKind(rawValue: input.requestKind ?? "assistance")
        if kind == nil { fail("requestKind", "one of \(RequestKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        let tier = Tier(rawValue: input.tier ?? "simple")
        if tier == nil { fail("tier", "one of \(Tier.allCases.map(\.rawValue).joined(separator: ", "))") }
        let priority = Priority(rawValue: input.priority ?? "normal")
        if priority == nil { fail("priority", "one of \(Priority.allCases.map(\.rawValue).joined(separator: ", "))") }
        var location: GeoPoint?
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case let (lat?, lon?):
            let point = GeoPoint(lon: lon, lat: lat)
            if point.isValidWGS84 { location = point } else { fail("latitude", "not a WGS84 position / 坐标无效") }
        default: fail(input.latitude == nil ? "latitude" : "longitude", "give both latitude and longitude / 经纬度须同时提供")
        }
        var division: DivisionCode?
        // Without a division code, a position inside a grid gives the grid's community (网格定位).
        var located: DivisionCode?
        var placed: (path: DivisionPath, version: Int)?
        let divisionText = input.divisionCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if let location {
            placed = try await ReferenceData.locator(context.referenceCache, on: database).place(location)
            located = placed.flatMap { $0.path.community ?? $0.path.township ?? $0.path.county }.flatMap(DivisionCode.init)
        }
        if let code = divisionText.isEmpty ? located : DivisionCode(divisionText) {
            if let scope, !scope.contains(code) {
                fail("divisionCode", "outside your division / 超出您的管辖范围")
            } else if try await (database as! any SQLDatabase).raw("SELECT 1 AS found FROM divisions WHERE code = \(bind: code.value)").first() == nil {
                fail("divisionCode", "unknown division / 区划不存在")
            } else {
                division = code
            }
        } else if divisionText.isEmpty {
            fail("divisionCode", "is required: a division code, or a position inside a grid / 须填写区划代码或网格内的位置")
        } else {
            fail("divisionCode", "not a division code (2, 4, 6, 9 or 12 digits) / 区划代码无效")
        }
        let address = trimmed(input.address)
        if address.count > 300 { fail("address", "at most 300 characters / 地址不超过 300 字") }
        let anonymous = input.anonymous ?? false
        var phone: PhoneNumber?
        if let text = input.requesterPhone, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do { phone = try PhoneNumber(parsing: text) } catch { fail("requesterPhone", "\(error.chineseMessage) / \(error.englishMessage)") }
        }
        let name = trimmed(input.requesterName)
        if name.count > 50 { fail("requesterName", "at most 50 characters / 姓名不超过 50 字") }
        guard checks.isValid, let category, let channel, let kind, let tier, let priority, let division else {
            throw Problem.invalid(checks.errors)
        }
        var valid = ValidWorkOrder(title: title, description: description, category: category, channel: channel, requestKind: kind,
                              tier: tier, priority: priority, division: division, location: location,
                              address: address.isEmpty ? nil : address, requesterName: anonymous || name.isEmpty ? nil : name,
                              requesterPhone: anonymous ? nil : phone, anonymous: anonymous)
        // The order keeps the grid (and its version) it was filed in, when the position agrees with the division.
        if let placed, let community = located, division.contains(community) {
            valid.grid = (placed.path.grid, placed.version)
        }
        return valid
    }

    /// Records a new order: created, and accepted at once when staff take it down, with its first
    /// clocks and alerts, all in one transaction. A repeated `idempotencyKey` returns the first order.
    func create(_ order: ValidWorkOrder, by actor: WorkOrderActor, idempotencyKey: String?) async throws -> (WorkOrder, created: Bool) {
        if let key = idempotencyKey, let existing = try await WorkOrder.query(on: database).filter(\.$idempotencyKey == key).first() {
            return (existing, false)
        }
        let now = context.now()
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: database)
        let policy = try await ReferenceData.policy(order.category.slaPolicyCode, context.referenceCache, on: database)
        let suggested = Routing.department(for: order.category, in: order.division,
                                           catalog: try await ReferenceData.catalog(context.referenceCache, on: database))
        let id = UUID()
        let intake = WorkOrderIntake(orderID: id, tier: order.tier, priority: order.priority)
        var transitions = [try Self.step { () throws(TransitionError) in try WorkOrderMachine.create(intake, by: actor, at: now) }]
        if let role = actor.role, [.operator, .dispatcher].contains(role) {
            let state = transitions[0].state
            transitions.append(try Self.step { () throws(TransitionError) in try WorkOrderMachine.apply(.accept(note: nil), to: state, by: actor, at: now) })
        }
        var clocks = WorkOrderClocks()
        for transition in transitions { clocks.apply(transition.event, policy: policy) }
        let row = WorkOrder()
        row.id = id
        row.trackingCode = Self.newTrackingCode()
        row.channel = order.channel.rawValue
        row.requestKind = order.requestKind.rawValue
        row.categoryCode = order.category.id ?? ""
        row.title = order.title
        row.description = order.description
        row.latitude = order.location?.lat
        row.longitude = order.location?.lon
        row.address = order.address
        row.divisionCode = order.division.value
        row.suggestedDepartmentID = suggested?.id
        row.requesterName = order.requesterName
        if let phone = order.requesterPhone {
            row.requesterPhoneCipher = try context.cipher.seal(phone.value)
            row.requesterPhoneIndex = context.cipher.blindIndex(phone.value)
        }
        row.anonymous = order.anonymous
        row.slaPolicyCode = policy.code
        row.idempotencyKey = idempotencyKey
        row.gridCode = order.grid?.code
        row.gridVersion = order.grid?.version
        row.createdBy = actor.id
        row.createdAt = now
        row.version = 0
        try project(transitions.last!.state, clocks: clocks, calendar: calendar, onto: row, now: now)
        let item = IntakeBatcher.Item(row: row, events: transitions.map(\.event),
                                      alerts: Self.alerts(orderID: id, clocks: clocks, calendar: calendar, now: now), calendar: calendar)
        do {
            try await context.intake.submit(item, on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two submissions with one key raced: the loser answers with the winner's order.
            if let key = idempotencyKey, let existing = try await WorkOrder.query(on: database).filter(\.$idempotencyKey == key).first() {
                return (existing, false)
            }
            throw Problem.conflict("The order could not be saved because of a conflicting write; try again / 保存冲突，请重试")
        }
        context.metrics.increment("lianxin_work_orders_created_total", labels: [("channel", order.channel.rawValue)])
        return (row, true)
    }

    // MARK: Transitions

    /// Applies `action` to the order, appending its event and moving its clocks, or throws the
    /// reason it is not allowed (403 permission, 409 state, 422 data). Concurrent changes to the
    /// same order are detected by its version; the loser gets a 409 and may retry.
    func apply(_ action: WorkOrderAction, to row: WorkOrder, by actor: WorkOrderActor) async throws -> WorkOrder {
        let now = context.now()
        let state = try Self.decodeState(row)
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: database)
        let policy = try await ReferenceData.policy(row.slaPolicyCode, context.referenceCache, on: database)
        if case .merge(let parentID) = action {
            guard parentID != row.id, let parent = try await WorkOrder.find(parentID, on: database),
                  try Self.decodeState(parent).acceptsMergedChildren else {
                throw Problem.conflict("The parent order does not exist or is finished / 主工单不存在或已结束", field: "/parentId")
            }
        }
        if case .dispatch(let departmentID) = action.departmentTarget ?? .none, try await Department.find(departmentID, on: database) == nil {
            throw Problem.invalid(field: "/departmentId", "unknown department / 部门不存在")
        }
        if let photoIDs = action.photoIDs, !photoIDs.isEmpty {
            let found = try await Attachment.query(on: database).filter(\.$orderID == row.requireID()).filter(\.$id ~~ photoIDs).count()
            guard found == Set(photoIDs).count else {
                throw Problem.invalid(field: "/photoIds", "every photo must first be uploaded to this order / 照片须先上传到本工单")
            }
        }
        let transition = try Self.step { () throws(TransitionError) in try WorkOrderMachine.apply(action, to: state, by: actor, at: now) }
        var clocks = try Self.decodeClocks(row)
        clocks.apply(transition.event, policy: policy)
        let expectedVersion = row.version
        let newClocks = clocks
        try project(transition.state, clocks: clocks, calendar: calendar, onto: row, now: now)
        try await context.writes.run { try await database.transaction { db in
            let updated = try await Self.saveIfUnchanged(row, expectedVersion: expectedVersion, on: db)
            guard updated else {
                throw Problem.conflict("The order was changed by someone else; reload and try again / 工单已被他人更新，请刷新后重试")
            }
            try await Self.append(transition.event, on: db, order: row)
            try await RollupStore.record(transition.event, order: row, calendar: calendar, context: context, on: db)
            try await Self.syncAlerts(orderID: try row.requireID(), clocks: newClocks, calendar: calendar, now: now, on: db)
            try await Notifications.after(transition.event, order: row, on: db, now: now)
            if transition.event.kind == .closed {
                try await closeChildren(of: transition.event, parentID: try row.requireID(), calendar: calendar, on: db, now: now)
            }
        } }
        context.metrics.increment("lianxin_work_order_transitions_total", labels: [("kind", transition.event.kind.rawValue)])
        return row
    }

    /// Closing a parent closes its merged children and tells their requesters.
    private func closeChildren(of event: WorkOrderEvent, parentID: UUID, calendar: WorkCalendar, on db: any Database, now: Date) async throws {
        let children = try await WorkOrder.query(on: db).filter(\.$parentID == parentID).all()
        let states = try children.map(Self.decodeState)
        for follow in WorkOrderMachine.followUps(of: event, children: states) {
            guard let child = children.first(where: { $0.id == follow.state.id }) else { continue }
            var clocks = try Self.decodeClocks(child)
            clocks.apply(follow.event, policy: try await ReferenceData.policy(child.slaPolicyCode, context.referenceCache, on: db))
            let version = child.version
            try project(follow.state, clocks: clocks, calendar: calendar, onto: child, now: now)
            guard try await Self.saveIfUnchanged(child, expectedVersion: version, on: db) else {
                throw Problem.conflict("A merged order changed meanwhile; try again / 并单子工单已变化，请重试")
            }
            try await Self.append(follow.event, on: db, order: child)
            try await RollupStore.record(follow.event, order: child, calendar: calendar, context: context, on: db)
            try await Self.syncAlerts(orderID: try child.requireID(), clocks: clocks, calendar: calendar, now: now, on: db)
        }
    }

    // MARK: Projection and persistence

    /// Copies the state into the row's query columns.
    private func project(_ state: WorkOrderState, clocks: WorkOrderClocks, calendar: WorkCalendar, onto row: WorkOrder, now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601withFractions
        row.status = state.status.rawValue
        row.tier = state.tier.rawValue
        row.priority = state.priority.rawValue
        row.handlingLevel = state.handlingLevel.rawValue
        row.departmentID = state.departmentID
        row.assigneeID = state.assigneeID
        row.parentID = state.parentID
        row.supervisionLevel = state.supervisionLevel
        row.state = String(decoding: try encoder.encode(state), as: UTF8.self)
        row.clocks = String(decoding: try encoder.encode(clocks), as: UTF8.self)
        row.projectedClocks = clocks
        let running = clocks.clocks.filter(\.isRunning)
        row.nextDueAt = running.map { $0.due(asOf: now, in: calendar) }.min()
        row.overdue = !state.isShelved && running.contains { $0.status(at: now, in: calendar) == .breached }
        row.version = state.version
        row.updatedAt = now
    }

    /// Updates the row only if nobody else has since (optimistic concurrency on `version`).
    private static func saveIfUnchanged(_ row: WorkOrder, expectedVersion: Int, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let rows = try await sql.update(WorkOrder.schema)
            .set("status", to: row.status).set("tier", to: row.tier).set("priority", to: row.priority)
            .set("handling_level", to: row.handlingLevel).set("department_id", to: row.departmentID)
            .set("assignee_id", to: row.assigneeID).set("parent_id", to: row.parentID)
            .set("supervision_level", to: row.supervisionLevel).set("state", to: row.state).set("clocks", to: row.clocks)
            .set("next_due_at", to: row.nextDueAt).set("overdue", to: row.overdue).set("version", to: row.version)
            .set("updated_at", to: row.updatedAt)
            .where("id", .equal, row.id).where("version", .equal, expectedVersion)
            .returning("id")
            .all()
        return rows.count == 1
    }

    /// Appends the event row and queues its webhooks, in the caller's transaction.
    private static func append(_ event: WorkOrderEvent, on db: any Database, order: WorkOrder) async throws {
        try await record(of: event).create(on: db)
        try await WebhookDispatcher.enqueue([webhook(of: event, order: order)], on: db, now: event.at)
    }

    /// The stored form of an event.
    static func record(of event: WorkOrderEvent) throws -> WorkOrderEventRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601withFractions
        let record = WorkOrderEventRecord()
        record.id = UUID()
        record.orderID = event.orderID
        record.sequence = event.sequence
        record.kind = event.kind.rawValue
        record.fromStatus = event.from?.rawValue
        record.toStatus = event.to.rawValue
        record.actor = event.actor.kind.rawValue
        record.actorID = event.actor.id
        record.at = event.at
        record.note = event.note
        record.event = String(decoding: try encoder.encode(event), as: UTF8.self)
        return record
    }

    /// What subscribers are told about an event.
    static func webhook(of event: WorkOrderEvent, order: WorkOrder) -> (kind: String, payload: WorkOrderWebhookPayload) {
        ("workOrder.\(event.kind.rawValue)",
         WorkOrderWebhookPayload(event: event.kind.rawValue, orderId: event.orderID, number: order.number, status: event.to.rawValue,
                                 departmentId: order.departmentID, divisionCode: order.divisionCode, at: event.at, note: event.note))
    }

    /// Replaces the order's unfired alerts with those of its running clocks.
    static func syncAlerts(orderID: UUID, clocks: WorkOrderClocks, calendar: WorkCalendar, now: Date, on db: any Database) async throws {
        try await SLAAlert.query(on: db).filter(\.$orderID == orderID).filter(\.$firedAt == nil).delete()
        let alerts = alerts(orderID: orderID, clocks: clocks, calendar: calendar, now: now)
        if !alerts.isEmpty { try await alerts.create(on: db) }
    }

    /// A warning and a breach alert for each running, unpaused clock.
    static func alerts(orderID: UUID, clocks: WorkOrderClocks, calendar: WorkCalendar, now: Date) -> [SLAAlert] {
        clocks.clocks.filter { $0.isRunning && $0.pausedSince == nil }.flatMap { clock in
            [SLAAlert(orderID: orderID, stage: clock.stage.rawValue, kind: "warning", dueAt: clock.warningTime(asOf: now, in: calendar)),
             SLAAlert(orderID: orderID, stage: clock.stage.rawValue, kind: "breach", dueAt: clock.due(asOf: now, in: calendar))]
        }
    }

    /// `count` consecutive `YYYYMMDD` + 6-digit numbers of `day`, unique under concurrency on both
    /// engines: the day's counter moves by `count` in one atomic upsert (INSERT … ON CONFLICT … RETURNING).
    static func nextNumbers(count: Int, day: LocalDate, on db: any Database) async throws -> [String] {
        let key = String(day.description.filter(\.isNumber))
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            INSERT INTO work_order_sequences (day, last_value) VALUES (\(bind: key), \(bind: count))
            ON CONFLICT (day) DO UPDATE SET last_value = work_order_sequences.last_value + \(bind: count)
            RETURNING last_value
            """).first()
        let last = try row?.decode(column: "last_value", as: Int.self) ?? count
        return try (last - count + 1 ... last).map { sequence in
            guard let number = WorkOrderNumber(day: day, sequence: sequence) else {
                throw Problem(.serviceUnavailable, type: "capacity", title: "Too many orders today",
                              detail: "The daily order number range is used up / 当日工单编号已用尽")
            }
            return number.description
        }
    }

    static func newTrackingCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return TrackingCode.generate(using: &generator)
    }

    static func decodeState(_ row: WorkOrder) throws -> WorkOrderState {
        try decoder.decode(WorkOrderState.self, from: Data(row.state.utf8))
    }

    static func decodeClocks(_ row: WorkOrder) throws -> WorkOrderClocks {
        if let clocks = row.projectedClocks { return clocks }
        return try decoder.decode(WorkOrderClocks.self, from: Data(row.clocks.utf8))
    }

    static func decodeEvent(_ record: WorkOrderEventRecord) throws -> WorkOrderEvent {
        try decoder.decode(WorkOrderEvent.self, from: Data(record.event.utf8))
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractions
        return decoder
    }

    /// Runs a machine step, turning its typed error into the HTTP answer.
    static func step(_ body: () throws(TransitionError) -> Transition) throws -> Transition {
        do { return try body() } catch {
            let detail = "\(error.message(english: false)) / \(error.message(english: true))"
            switch error.category {
            case .permission: throw Problem(.forbidden, type: "transition-not-permitted", title: "Forbidden", detail: detail)
            case .conflict: throw Problem(.conflict, type: "illegal-transition", title: "Conflict", detail: detail)
            case .invalidInput: throw Problem(.unprocessableEntity, type: "validation", title: "Invalid input", detail: detail,
                                              errors: [.init(field: "/action", message: detail)])
            }
        }
    }
}

private extension WorkOrderAction {
    enum Target { case dispatch(UUID) }
    /// The department an action sends the order to, if any.
    var departmentTarget: Target? {
        switch self {
        case .dispatch(let id, _), .redispatch(let id, _): .dispatch(id)
        default: nil
        }
    }

    /// The photos an action cites.
    var photoIDs: [UUID]? {
        switch self {
        case .addProgressNote(_, let ids), .complete(_, let ids), .addInformation(_, let ids): ids
        default: nil
        }
    }
}

extension JSONEncoder.DateEncodingStrategy {
    /// ISO 8601 with milliseconds, so that replayed events compare equal.
    static let iso8601withFractions = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(ISOTimestamp.format(date))
    }
}

extension JSONDecoder.DateDecodingStrategy {
    static let iso8601withFractions = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = ISOTimestamp.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        return date
    }
}
