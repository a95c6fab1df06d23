import Vapor
import Fluent
import SQLKit
import LianxinCore

extension WorkOrderService {
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
        let today = LocalDate(context.now(), in: WorkCalendar.shanghai).description
        if let code = input.categoryCode, let found = catalog.category(code), found.isOffered(on: today) {
            category = found
        } else {
            fail("categoryCode", "unknown category / 事项分类不存在")
        }
        let channel = LianxinCore.Channel(rawValue: input.channel ?? "hotline")
        if channel == nil { fail("channel", checks.message("validation_choice")) }
        let kind = RequestKind(rawValue: input.requestKind ?? "assistance")
        if kind == nil { fail("requestKind", checks.message("validation_choice")) }
        let tier = Tier(rawValue: input.tier ?? category?.tier ?? "simple")
        if tier == nil { fail("tier", checks.message("validation_choice")) }
        // Nobody chose a priority: the words decide (a gas leak is urgent on every channel).
        let priority = Priority(rawValue: input.priority ?? UrgencyKeywords.priority(for: (input.title ?? "") + (input.description ?? "")).rawValue)
        if priority == nil { fail("priority", checks.message("validation_choice")) }
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
            } else if try await !DivisionQueries.exists(code, on: database) {
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
        var valid = ValidWorkOrder(
            title: title, description: description, category: category, channel: channel, requestKind: kind,
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
    /// With `linkRepeats` (the desk's box, ticked by default), a call that repeats an open order of the same
    /// requester (`RepeatRule`) is then linked to it as a repeat request (重复诉求) and the linked order is returned.
    func create(
        _ order: ValidWorkOrder, by actor: WorkOrderActor, idempotencyKey: String?, linkRepeats: Bool = false
    ) async throws -> (WorkOrder, created: Bool) {
        if let key = idempotencyKey, let existing = try await WorkOrder.query(on: database).filter(\.$idempotencyKey == key).first() {
            return (existing, false)
        }
        let now = context.now()
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: database)
        let policy = try await ReferenceData.policy(order.category.slaPolicyCode, context.referenceCache, on: database)
        let suggested = Routing.department(
            for: order.category, in: order.division,
            catalog: try await ReferenceData.catalog(context.referenceCache, on: database))
        let id = UUID()
        let intake = WorkOrderIntake(orderID: id, tier: order.tier, priority: order.priority)
        var transitions = [try Self.step { () throws(TransitionError) in try WorkOrderMachine.create(intake, by: actor, at: now) }]
        if let role = actor.role, [.operator, .dispatcher].contains(role) {
            let state = transitions[0].state
            transitions.append(
                try Self.step { () throws(TransitionError) in try WorkOrderMachine.apply(.accept(note: nil), to: state, by: actor, at: now) })
        }
        var clocks = WorkOrderClocks()
        for transition in transitions { clocks.apply(transition.event, policy: policy) }
        let row = WorkOrder()
        row.id = id
        row.trackingCode = Self.newTrackingCode()
        row.channel = order.channel.rawValue
        row.requestKind = order.requestKind.rawValue
        row.categoryCode = order.category.id ?? ""
        row.categoryVersion = order.category.version ?? 1
        row.title = order.title
        row.description = order.description
        row.latitude = order.location?.lat
        row.longitude = order.location?.lon
        row.address = order.address
        row.divisionCode = order.division.value
        row.suggestedDepartmentID = order.assetOwnerID ?? suggested?.id
        row.requesterName = order.requesterName
        if let phone = order.requesterPhone {
            row.requesterPhoneCipher = try context.cipher.seal(phone.value, for: .workOrderRequesterPhone, row: id)
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
        try row.project(transitions.last!.state, clocks: clocks, calendar: calendar, now: now)
        let item = IntakeBatcher.Item(
            row: row, events: transitions.map(\.event),
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
        if linkRepeats, let linked = try await linkRepeat(row, location: order.location, now: now) { return (linked, true) }
        return (row, true)
    }

    /// Links `row`, just filed, to the open order it repeats, if any: the same phone number (by its blind index), the
    /// same category, the same county, within the window (`RepeatRule`). The link is a merge with the repeat mark,
    /// made by the system and shown on both orders' timelines; the first order's unit keeps the work. Written after
    /// the order itself: should the process stop in between, the order stays an ordinary one and the desk still
    /// lists the earlier order as a likely duplicate.
    func linkRepeat(_ row: WorkOrder, location: GeoPoint?, now: Date) async throws -> WorkOrder? {
        let rule = RepeatRule(windowDays: context.settings.repeatWindowDays)
        guard rule.windowDays > 0, let index = row.requesterPhoneIndex, let id = row.id, !row.categoryCode.isEmpty else { return nil }
        let county = String(row.divisionCode.prefix(6))
        let earlier = try await WorkOrder.query(on: database)
            .filter(\.$requesterPhoneIndex == index).filter(\.$categoryCode == row.categoryCode)
            .filter(\.$createdAt >= rule.windowStart(before: now)).filter(\.$id != id)
            .filter(\.$status !~ [WorkOrderStatus.closed, .cancelled, .merged, .shelved].map(\.rawValue))
            .sort(\.$createdAt).limit(50).all()
        let candidates = earlier.compactMap { order -> RepeatRule.Candidate? in
            guard let candidateID = order.id, order.divisionCode.hasPrefix(county), let status = WorkOrderStatus(rawValue: order.status) else {
                return nil
            }
            return RepeatRule.Candidate(
                id: candidateID, callerHash: order.requesterPhoneIndex, categoryCode: order.categoryCode, receivedAt: order.createdAt,
                status: status, location: order.latitude.flatMap { lat in order.longitude.map { GeoPoint(lon: $0, lat: lat) } })
        }
        guard
            let original = rule.original(
                callerHash: index, categoryCode: row.categoryCode, receivedAt: now, location: location, among: candidates)
        else { return nil }
        return try await apply(.merge(parentID: original.id, repeatedRequest: true), to: row, by: .system)
    }
}
