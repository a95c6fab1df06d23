import Vapor
import Fluent
import LianxinCore

extension OrderPagesController {
    func show(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        try await WorkOrderLookup.auditRequesterShown(order, req)
        let repeated = req.query[String.self, at: "repeat"].map { $0.filter(\.isNumber) }.map {
            req.t("desk_repeat_notice").replacingOccurrences(of: "{number}", with: $0)
        }
        let merged =
            repeated
            ?? req.query[String.self, at: "merged"].map { $0.filter(\.isNumber) }.map {
                req.t("desk_merged_notice").replacingOccurrences(of: "{number}", with: $0)
            }
        let notice =
            merged ?? req.query[String.self, at: "marked"].map { _ in req.t("mark_saved") } ?? req.query[String.self, at: "done"].flatMap {
                WorkOrderActionKind(rawValue: $0)
            }
            .map { req.t("wb_done").replacingOccurrences(of: "%@", with: $0.title(english: req.language == .en)) } ?? ""
        return try await render(
            req, order: order, principal: principal, notice: notice,
            createdJustNow: req.query[String.self, at: "created"] == "1")
    }

    func render(
        _ req: Request, order: WorkOrder, principal: Principal, values: [String: String] = [:], errors: [String: String] = [:],
        notice: String = "", error: String = "", unmasked: (String, String)? = nil, createdJustNow: Bool = false,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var lookup = try await WorkbenchLookup.load(req)
        let english = lookup.english
        let orderID = try order.requireID()
        let state = try WorkOrderService.decodeState(order)
        let events = try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID == orderID).sort(\.$sequence).all()
        let family = try await WorkOrder.query(on: req.db).group(.or) { group in
            group.filter(\.$parentID == orderID)
            if let parent = order.parentID { group.filter(\.$id == parent) }
        }.limit(100).allOrders()
        try await lookup.loadDivisions(of: [order.divisionCode], on: req.db)
        func relative(_ row: WorkOrder) -> DetailModel.Relative {
            DetailModel.Relative(
                id: row.id?.uuidString ?? "", number: row.number, title: row.title,
                statusTitle: (WorkOrderStatus(rawValue: row.status) ?? .received).title(english: english))
        }
        let clocks = try WorkOrderService.decodeClocks(order).clocks.map { clock -> DetailModel.Clock in
            let clockState = clock.status(at: lookup.now, in: lookup.calendar)
            let due = clock.due(asOf: lookup.now, in: lookup.calendar)
            return DetailModel.Clock(
                stage: clock.stage.title(english: english), dueAt: ISOTimestamp.format(due), dueLabel: WorkbenchLookup.beijing(due),
                state: clockState.rawValue, stateTitle: req.t("wb_clock_\(clockState.rawValue)"), running: clock.isRunning)
        }
        let timeline = events.reversed().map { record in
            DetailModel.Step(
                at: WorkbenchLookup.beijing(record.at),
                title: WorkOrderEventKind(rawValue: record.kind)?.title(english: english) ?? record.kind,
                actor: WorkbenchLookup.actorTitle(record.actor, req),
                note: record.note ?? "", statusTitle: (WorkOrderStatus(rawValue: record.toStatus) ?? .received).title(english: english))
        }
        let photos = try await Attachment.query(on: req.db).filter(\.$orderID == orderID).sort(\.$createdAt).all().map { row in
            DetailModel.Photo(
                url: "/api/v1/work-orders/\(orderID)/attachments/\(row.id?.uuidString ?? "")",
                purpose: req.t("wb_purpose_\(row.purpose)"), at: WorkbenchLookup.beijing(row.createdAt))
        }
        let whistles = try await Whistle.query(on: req.db).filter(\.$orderID == orderID).sort(\.$blownAt, .descending).all().map {
            DetailModel.WhistleLine(title: $0.title, status: req.t("wb_whistle_\($0.status)"), blownAt: WorkbenchLookup.beijing($0.blownAt))
        }
        var duplicates: [DetailModel.Relative] = []
        let offered = WorkOrderMachine.offeredActions(
            in: state, to: principal.workOrderActor, revisitPossible: order.requesterPhoneCipher != nil)
        if offered.contains(.merge) {
            let sketch = OrderSketch(
                id: orderID.uuidString, text: order.title + " " + order.description,
                location: order.latitude.flatMap { lat in order.longitude.map { GeoPoint(lon: $0, lat: lat) } },
                receivedAt: order.createdAt, callerHash: order.requesterPhoneIndex)
            let found = try await IntakeSuggestions.duplicates(of: sketch, excluding: orderID, for: principal, req)
            duplicates = found.prefix(5).map {
                DetailModel.Relative(
                    id: $0.orderId.uuidString, number: $0.number, title: $0.title,
                    statusTitle: String(format: "%.0f%%", $0.score * 100))
            }
        }
        let evaluation =
            state.evaluation.map { e in
                [e.satisfaction.title(english: english), e.solved ? req.t("wb_solved_yes") : req.t("wb_solved_no"), e.comment ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
            } ?? ""
        let phone =
            try order.requesterPhoneCipher.map {
                PersonalDataMask.phone(try req.lianxin.cipher.open($0, for: .workOrderRequesterPhone, row: try order.requireID()))
            } ?? ""
        // The category as it was when the order was filed (its name may have changed since).
        let filedCategory = try await CategoryVersion.query(on: req.db).filter(\.$categoryCode == order.categoryCode)
            .filter(\.$version == (order.categoryVersion ?? 1)).first()
        let assistPolicy = try await ReferenceData.policy(order.slaPolicyCode, req.lianxin.referenceCache, on: req.db)
        let assists = state.assists.map { part -> DetailModel.AssistLine in
            let clocks = AssistClocks.clocks(of: part, policy: assistPolicy, pauses: state.pauses, pausedSince: state.pausedSince)
            func line(_ clock: SLAClock?, done: Date?) -> String {
                guard let clock else { return "" }
                let due = WorkbenchLookup.beijing(clock.due(asOf: lookup.now, in: lookup.calendar))
                let verdict = req.t("wb_clock_\(clock.status(at: lookup.now, in: lookup.calendar).rawValue)")
                return done.map { "\(req.t("jt_done_at")) \(WorkbenchLookup.beijing($0)) · \(verdict)" } ?? "\(req.t("jt_due")) \(due) · \(verdict)"
            }
            return DetailModel.AssistLine(
                unit: lookup.departmentNames[part.departmentID] ?? "—", status: part.status.rawValue,
                statusTitle: part.status.title(english: english),
                signDue: line(clocks.first { $0.stage == .sign }, done: part.signedAt),
                reportDue: part.status.isOpen || part.status == .reported ? line(clocks.first { $0.stage == .complete }, done: part.reportedAt) : "",
                overdue: AssistClocks.isOverdue(
                    part, policy: assistPolicy, pauses: state.pauses, pausedSince: state.pausedSince, at: lookup.now, in: lookup.calendar),
                note: part.note ?? "", mine: principal.departmentID == part.departmentID)
        }
        var model = DetailModel(
            order: try lookup.summary(order, categoryName: filedCategory.map { lookup.categoryName(order.categoryCode, named: $0.name) }),
            description: order.description, address: order.address ?? "",
            position: order.latitude.flatMap { lat in order.longitude.map { String(format: "%.5f, %.5f", lat, $0) } } ?? "",
            trackingCode: order.trackingCode,
            requestKind: RequestKind(rawValue: order.requestKind)?.title(english: english) ?? order.requestKind,
            priority: Priority(rawValue: order.priority)?.title(english: english) ?? order.priority,
            requesterName: order.requesterName.map(PersonalDataMask.name) ?? "", requesterPhone: phone, anonymous: order.anonymous,
            canUnmask: principal.role.can(.unmaskPersonalData) && (order.requesterName != nil || order.requesterPhoneCipher != nil),
            unmaskedName: unmasked?.0 ?? "", unmaskedPhone: unmasked?.1 ?? "",
            clocks: clocks, policy: try await Self.policyName(order.slaPolicyCode, english: english, req),
            receiptNote: lookup.calendar.deferredReceiptDay(of: order.createdAt).map {
                String(format: req.t("wb_rest_day_receipt"), english ? $0.monthDayEnglish : $0.monthDayChinese)
            } ?? "",
            timeline: timeline, photos: photos,
            parent: family.first { $0.id == order.parentID }.map(relative),
            children: family.filter { $0.parentID == orderID }.map(relative), hasFamily: !family.isEmpty,
            whistles: whistles, canBlowWhistle: principal.role.can(.blowWhistle),
            evaluation: evaluation,
            extensionPending: state.pendingExtension.map { "\($0.extra.amount) \(req.t("wb_unit_\($0.extra.unit.rawValue)")) · \($0.reason)" } ?? "",
            supervision: order.supervisionLevel > 0
                ? String(format: req.t("wb_supervised_level"), order.supervisionLevel)
                    + (state.supervisionDeadline.map { " · " + WorkbenchLookup.beijing($0) } ?? "")
                : "",
            forms: lookup.actionForms(
                offered: offered, order: order, principal: principal, t: req.t, values: values, errors: errors,
                returnReasons: offered.contains(.returnOrder)
                    ? try await ReturnReason.active(on: req.db).map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name) }
                    : []),
            publicReply: state.publicReply ?? "",
            canProposeKnowledge: principal.role.can(.writeKnowledge) && order.requestKind == RequestKind.inquiry.rawValue
                && state.publicReply != nil && (!principal.role.requiresDepartment || order.departmentID == principal.departmentID),
            notice: notice, error: error, duplicates: duplicates, createdJustNow: createdJustNow)
        model.assists = assists
        model.canMarkRequester = principal.role.can(.proposeRequesterMarks) && order.requesterPhoneIndex != nil
        if let entryID = state.knowledgeEntryID, principal.role.can(.viewKnowledge),
            let entry = try await KnowledgeEntry.find(entryID, on: req.db)
        {
            model.answeredFrom = entry.question
            model.answeredFromID = entryID.uuidString
        }
        return try await req.page("workorders/order", title: "wb_order", model: model, status: status)
    }

    /// The SLA policy's name, shown with the clocks (and alone while no clock has started yet).
    static func policyName(_ code: String, english: Bool, _ req: Request) async throws -> String {
        guard let policy = try? await ReferenceData.policy(code, req.lianxin.referenceCache, on: req.db) else { return code }
        return english ? policy.englishName : policy.name
    }
}
