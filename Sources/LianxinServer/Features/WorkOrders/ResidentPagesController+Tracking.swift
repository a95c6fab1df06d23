import Vapor
import Fluent
import LianxinCore

extension ResidentPagesController {
    func trackLookup(req: Request) async throws -> Response {
        if let code = req.query[String.self, at: "code"]?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            guard let normalized = TrackingCode.normalized(code) else {
                return try await renderTrack(req, order: nil, code: code, errors: ["code": req.t("p_code_invalid")], status: .unprocessableEntity)
            }
            return req.redirect(to: "/p/track/\(normalized)")
        }
        return try await renderTrack(req, order: nil, code: "")
    }

    func track(req: Request) async throws -> Response {
        let order = try await PublicOrderLookup.find(req)
        let done = req.query[String.self, at: "done"] ?? ""
        return try await renderTrack(
            req, order: order, code: order.trackingCode, isNew: req.query[String.self, at: "new"] == "1",
            notice: done.isEmpty ? "" : req.t("p_done_\(done)"))
    }

    func renderTrack(
        _ req: Request, order: WorkOrder?, code: String, isNew: Bool = false, notice: String = "", error: String = "",
        errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var view: PublicTrackingController.PublicOrder?
        var canAdd = false, canReopen = false
        var result: PublicOrderResult?
        if let order {
            result = try await PublicOrderResult.of(order, req)
            view = try await PublicOrderLookup.view(order, req)
            let state = try WorkOrderService.decodeState(order)
            let offered = WorkOrderMachine.offeredActions(in: state, to: .resident())
            canAdd = offered.contains(.addInformation)
            canReopen = offered.contains(.reopen) && state.evaluation?.satisfaction != .dissatisfied && PublicOrderLookup.canConfirm(order)
        }
        let english = req.language == .en
        let finished = view.map { ["completed", "reviewed", "evaluated", "closed"].contains($0.status) } ?? false
        let model = TrackModel(
            order: view, code: code, groupedCode: TrackingCode.grouped(code),
            noPhone: finished && !(order.map(PublicOrderLookup.canConfirm) ?? true), isNew: isNew, notice: notice, error: error, errors: errors,
            values: values, result: result, canEvaluate: (view?.canEvaluate ?? false) && result != nil,
            canAddInformation: canAdd, canReopen: canReopen,
            satisfactions: Satisfaction.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
                .selecting(values["satisfaction"]),
            history: (view?.history ?? []).reversed().map { TrackModel.Line(at: WorkbenchLookup.beijing($0.at), title: $0.title) })
        return try await req.page("workorders/resident-track", title: "p_track", model: model, status: status)
    }

    /// A photo of the order's result (`PublicOrderResult`).
    func resultPhoto(req: Request) async throws -> Response {
        try await PublicOrderResult.photo(req)
    }

    /// Runs a resident's step and comes back to the tracking page, or shows the message beside the field.
    func residentStep(
        _ req: Request, done: String, values: [String: String],
        _ step: (WorkOrder) async throws -> Void
    ) async throws -> Response {
        let order = try await PublicOrderLookup.find(req)
        do {
            try await step(order)
            return req.redirect(to: "/p/track/\(order.trackingCode)?done=\(done)")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let fresh = try await WorkOrder.find(order.requireID(), on: req.db) ?? order
            let errors = problem.fieldMessages(req.language)
            return try await renderTrack(
                req, order: fresh, code: order.trackingCode, error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"),
                errors: errors, values: values, status: problem.status)
        }
    }

    func addInformation(req: Request) async throws -> Response {
        let form = try req.content.decode(InformationForm.self)
        return try await residentStep(req, done: "information", values: ["note": form.note ?? ""]) { order in
            var photoIDs: [UUID] = []
            let action = try TransitionInput(action: "addInformation", note: form.note).resolved()
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
                let file = part.file, file.data.readableBytes > 0
            {
                let photo = try PhotoUploads.photo(in: req, audience: .public)
                let row = try await PhotoUploads.storeBytes(
                    photo.data, format: photo.format, purpose: "information", order: order,
                    uploader: "resident", uploaderID: nil, context: req.lianxin, on: req.db)
                photoIDs = [try row.requireID()]
            }
            let resolved = photoIDs.isEmpty ? action : try TransitionInput(action: "addInformation", note: form.note, photoIds: photoIDs).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(resolved, to: order, by: .resident())
        }
    }

    func evaluate(req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluationForm.self)
        let values = ["satisfaction": form.satisfaction ?? "", "solved": form.solved ?? "", "comment": form.comment ?? ""]
        return try await residentStep(req, done: "evaluation", values: values) { order in
            try PublicOrderLookup.confirmRequester(order, phoneSuffix: form.phoneSuffix, req)
            let solved = form.solved.flatMap { ["true": true, "false": false][$0] }
            let action = try TransitionInput(
                action: "revisit", satisfaction: form.satisfaction, solved: solved,
                comment: form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
            ).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        }
    }

    func reopen(req: Request) async throws -> Response {
        let form = try req.content.decode(ReopenForm.self)
        return try await residentStep(req, done: "reopen", values: ["reason": form.reason ?? ""]) { order in
            try PublicOrderLookup.confirmRequester(order, phoneSuffix: form.phoneSuffix, req)
            let action = try TransitionInput(action: "reopen", reason: form.reason).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        }
    }
}
