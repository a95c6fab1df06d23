import Vapor
import Fluent
import LianxinCore

extension OrderPagesController {
    /// One step from a page form: the same checks and service as the API; on refusal the page comes
    /// back with the message next to the field (422) or at the top (409/403), and nothing is written.
    func act(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let input = try req.content.decode(ActionFormInput.self)
        var values: [String: String] = [:]
        for (key, value) in [
            ("note", input.note), ("reason", input.reason), ("departmentId", input.departmentId), ("extraAmount", input.extraAmount),
            ("extraUnit", input.extraUnit), ("approved", input.approved), ("satisfaction", input.satisfaction),
            ("solved", input.solved), ("comment", input.comment), ("parentNumber", input.parentNumber), ("publicReply", input.publicReply),
            ("returnReasonId", input.returnReasonId), ("appealKind", input.appealKind), ("action", input.action),
            ("assistDepartmentIds", input.assistDepartmentIds?.joined(separator: ",")),
        ] {
            if let value { values[key] = value }
        }
        do {
            var parentID: UUID?
            if input.action == "merge" {
                let number = input.parentNumber?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !number.isEmpty else { throw Problem.invalid(field: "/parentNumber", "is required / 必填") }
                guard let parent = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$number == number).first() else {
                    throw Problem.invalid(field: "/parentNumber", "no order with this number in your scope / 未找到该工单")
                }
                parentID = parent.id
            }
            let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
            var transition = try input.transition(parentID: parentID, calendar: calendar)
            // The return form asks for one of the county's reasons whenever the county keeps a list.
            if ["returnOrder", "return"].contains(input.action ?? ""), transition.returnReasonId == nil,
                try await !ReturnReason.active(on: req.db).isEmpty
            {
                throw Problem.invalid(field: "/returnReasonId", "choose a return reason from the list / 请从列表中选择退单原因")
            }
            // 核查 needs its photo: refused beside the photo field before anything is stored.
            if input.action == "verify" {
                guard let form = try? req.content.decode(PhotoPart.self), let file = form.file, file.data.readableBytes > 0 else {
                    throw Problem.invalid(field: "/file", "take a photo on site / 请上传现场照片")
                }
                transition.photoIds = [UUID()]
            }
            var action = try transition.resolved()
            // A photo sent with a progress note or the completion is checked and stored first, then cited.
            if req.headers.contentType?.type == "multipart",
                ["addProgressNote", "complete", "appealAssessment", "verify", "reportAssist"].contains(input.action ?? ""),
                let form = try? req.content.decode(PhotoPart.self), let file = form.file, file.data.readableBytes > 0
            {
                let photo = try await PhotoUploads.store(
                    req, order: order, uploader: principal.role.rawValue, uploaderID: principal.userID,
                    defaultPurpose: Self.photoPurpose(of: input.action))
                transition.photoIds = [try photo.requireID()]
                action = try transition.resolved()
            }
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .staff(principal))
            let back = WorkOrderActionKind(rawValue: input.action ?? "") ?? .addProgressNote
            return req.redirect(to: "/orders/\(try order.requireID())?done=\(back.rawValue)")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let fresh = try await WorkOrder.find(order.requireID(), on: req.db) ?? order
            let errors = problem.fieldMessages(req.language)
            return try await render(
                req, order: fresh, principal: principal, values: values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), status: problem.status)
        }
    }

    func unmask(req: Request) async throws -> Response {
        let principal = try await req.require(.unmaskPersonalData)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        struct Input: Content { var reason: String? }
        let reason = (try req.content.decode(Input.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            return try await render(
                req, order: order, principal: principal, values: ["unmaskReason": reason],
                errors: ["unmaskReason": req.t("wb_unmask_reason_needed")], error: req.t("wb_fix_fields"),
                status: .unprocessableEntity)
        }
        try await WorkOrderLookup.auditRequesterShown(order, req, unmaskedFor: reason)
        let phone =
            try order.requesterPhoneCipher.map { try req.lianxin.cipher.open($0, for: .workOrderRequesterPhone, row: try order.requireID()) } ?? ""
        return try await render(req, order: order, principal: principal, unmasked: (order.requesterName ?? "", phone))
    }

    /// What a photo sent with an action is for.
    static func photoPurpose(of action: String?) -> String {
        switch action {
        case "complete": "completion"
        case "appealAssessment": "evidence"
        case "verify": "verification"
        default: "progress"
        }
    }
}
