import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

extension DeskPagesController {
    func desk(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        return try await renderDesk(req, principal: principal, values: ["channel": "hotline", "requestKind": "assistance"], errors: [:])
    }

    func renderDesk(
        _ req: Request, principal: Principal, values: [String: String], errors: [String: String], error: String = "",
        anonymous: Bool = false, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let english = lookup.english
        let now = req.lianxin.now()
        var beijing = Calendar(identifier: .gregorian)
        beijing.timeZone = WorkCalendar.shanghai
        let dayStart = beijing.startOfDay(for: now)
        let direct = try await KnowledgeUsage.directAnswers(within: principal.division, from: dayStart, to: now.addingTimeInterval(1), on: req.db)
        let channels = [LianxinCore.Channel.hotline, .web, .miniProgram, .gridPatrol, .visit, .meeting, .petition]
            .map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
        let kinds = RequestKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
        let map = try await GridMapCache.map(of: principal.division, req)
        let model = DeskModel(
            values: values, errors: errors, error: error,
            categories: lookup.categoryOptions.selecting(values["categoryCode"]),
            channels: channels.selecting(values["channel"]), kinds: kinds.selecting(values["requestKind"]),
            idempotencyKey: UUID().uuidString, map: map,
            divisionPicker: try await DivisionPicker.load(
                req, id: "divisionCode", name: "divisionCode", label: req.t("field_division"), under: principal.division,
                selected: values["divisionCode"], empty: req.t("field_division_from_map"), help: req.t("wb_division_help"),
                error: errors["divisionCode"] ?? ""),
            anonymous: anonymous, canFile: true,
            canAnswerDirectly: (try? WorkOrderMachine.checkDirectAnswer(by: principal.workOrderActor, requestKind: .inquiry, answer: "-")) != nil,
            directToday: req.t("desk_direct_today").replacingOccurrences(of: "{all}", with: String(direct.all))
                .replacingOccurrences(of: "{kb}", with: String(direct.fromKnowledge)),
            linkRepeat: req.method == .GET || values["linkRepeat"] == "1", offersRepeat: req.lianxin.settings.repeatWindowDays > 0,
            linkRepeatLabel: req.t("desk_link_repeat").replacingOccurrences(of: "{days}", with: String(req.lianxin.settings.repeatWindowDays)),
            assetMarkers: try await AssetPicking.markers(for: principal, map: map, english: english, on: req.db),
            canPickAssets: principal.role.can(.viewAssets))
        return try await req.page("workorders/desk", title: "wb_desk", model: model, status: status)
    }

    /// Files the request taken at the desk (and its photo), then shows the new order with its number and clocks.
    func file(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let form = try req.content.decode(DeskForm.self)
        let anonymous = ["on", "true", "1"].contains(form.anonymous ?? "")
        do {
            let latitude = try formNumber(form.latitude, field: "latitude"), longitude = try formNumber(form.longitude, field: "longitude")
            var divisionCode = form.divisionCode?.trimmingCharacters(in: .whitespaces) ?? ""
            // Without a place on the map or a division, the request belongs to the operator's own division.
            if divisionCode.isEmpty && latitude == nil && longitude == nil { divisionCode = principal.division.value }
            var input = NewWorkOrder(
                title: form.title, description: form.description, categoryCode: form.categoryCode, channel: form.channel,
                requestKind: form.requestKind, tier: nil, priority: nil,
                divisionCode: divisionCode.isEmpty ? nil : divisionCode, latitude: latitude, longitude: longitude,
                address: form.address, requesterName: form.requesterName, requesterPhone: form.requesterPhone,
                anonymous: anonymous,
                suggestedCategoryCode: form.suggestedCategoryCode?.isEmpty == false ? form.suggestedCategoryCode : nil)
            // A report on a city asset (部件) is filed at the asset's place and suggested to its owner unit.
            let asset = try await AssetPicking.named(form.assetCode, field: "/assetCode", for: principal, req)
            if let asset { input = AssetPicking.placed(input, at: asset) }
            let service = WorkOrderService(application: req.application, database: req.db)
            let parent = try await mergeParent(form.mergeInto, principal: principal, req)
            let direct = form.direct == "1" ? try await directAnswer(form, principal: principal, req) : nil
            var valid = try await service.validate(input, scope: principal.division)
            valid.assetOwnerID = asset?.ownerDepartmentID
            // Check the photo before anything is written, so a refused photo leaves no order behind.
            var photo: (data: Data, format: ImageFormat, purpose: String?)?
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
                let file = part.file, file.data.readableBytes > 0
            {
                photo = try PhotoUploads.photo(in: req)
            }
            let key = form.idempotencyKey.flatMap { UUID(uuidString: $0) }.map { "desk:\(principal.userID):\($0)" }
            // A repeat call (重复诉求) is linked to the order it repeats when the box is ticked (it is by default),
            // unless the operator answered it on the call or chose the order it joins.
            let (order, created) = try await service.create(
                valid, by: principal.workOrderActor, idempotencyKey: key, linkRepeats: form.linkRepeat == "1" && direct == nil && parent == nil)
            if created, let asset { try await AssetPicking.record(order, on: asset, by: principal.userID, on: req.db) }
            if created, let suggested = input.suggestedCategoryCode {
                try await ClassificationCorrection.record(of: order, suggested: suggested, by: principal, req)
            }
            if created, let photo {
                _ = try await PhotoUploads.storeBytes(
                    photo.data, format: photo.format, purpose: "intake", order: order,
                    uploader: principal.role.rawValue, uploaderID: principal.userID,
                    context: req.lianxin, on: req.db)
            }
            if created, let direct {
                let answered = try await service.apply(
                    .answerDirectly(answer: direct.answer, knowledgeEntryID: direct.entryID, requestKind: .inquiry), to: order,
                    by: .staff(principal))
                return req.redirect(to: "/orders/\(try answered.requireID())?created=1")
            }
            if created, let parent {
                _ = try await service.apply(.merge(parentID: try parent.requireID()), to: order, by: .staff(principal))
                return req.redirect(to: "/orders/\(try parent.requireID())?merged=\(order.number)")
            }
            if created, order.status == WorkOrderStatus.merged.rawValue, let parentID = order.parentID {
                return req.redirect(to: "/orders/\(parentID)?repeat=\(order.number)")
            }
            return req.redirect(to: "/orders/\(try order.requireID())?created=1")
        } catch let problem as Problem where problem.status.code < 500 {
            let errors = problem.fieldMessages(req.language)
            return try await renderDesk(
                req, principal: principal, values: form.values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), anonymous: anonymous, status: problem.status)
        }
    }

    /// The answer of a direct answer (直接办结) and the knowledge entry it came from, checked before the order is written:
    /// the operator may answer on the call, the request is a consultation, the answer is written, and a chosen entry
    /// is a published one that applies to the operator. Each refusal is named beside its field.
    private func directAnswer(_ form: DeskForm, principal: Principal, _ req: Request) async throws -> (answer: String, entryID: UUID?) {
        var checks = InputValidator(req)
        let answer = (form.directAnswer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = form.requestKind.flatMap(RequestKind.init(rawValue:)) ?? .assistance
        do {
            try WorkOrderMachine.checkDirectAnswer(by: principal.workOrderActor, requestKind: kind, answer: answer)
        } catch {
            let english = error.message(english: true), chinese = error.message(english: false)
            switch error {
            case .notAnInquiry: checks.fail("/requestKind", "\(english) / \(chinese)")
            case .reasonRequired: checks.fail("/directAnswer", key: "desk_direct_answer_required")
            default: throw Problem(.forbidden, type: "transition-not-permitted", title: "Forbidden", detail: "\(english) / \(chinese)")
            }
        }
        if answer.count > 2000 { checks.fail("/directAnswer", key: "desk_direct_answer_long") }
        var entryID: UUID?
        if let raw = form.knowledgeEntryId?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            let entry = try? await KnowledgeLookup.find(raw, for: principal, req)
            if let entry, entry.status == KnowledgeStatus.published.rawValue {
                entryID = entry.id
            } else {
                checks.fail("/knowledgeEntryId", key: "desk_direct_entry_gone")
            }
        }
        try checks.finish()
        return (answer, entryID)
    }

    /// The order a desk filing is merged into: one the operator may see that still takes merged requests; anything
    /// else is a field error on the desk, checked before the new order is written.
    private func mergeParent(_ raw: String?, principal: Principal, _ req: Request) async throws -> WorkOrder? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let parent = try? await WorkOrderLookup.find(raw, for: principal, on: req)
        guard let parent, let state = try? WorkOrderService.decodeState(parent), state.acceptsMergedChildren else {
            var checks = InputValidator(req)
            checks.fail("/mergeInto", key: "desk_merge_gone")
            try checks.finish()
            return nil
        }
        return parent
    }
}
