import Vapor
import Fluent
import LianxinCore

/// The residents' pages under /p/ (随手拍): report a problem with a photo and a place, get a
/// tracking code, follow it, add information, evaluate, ask to reopen. No account: the tracking
/// code is the key, and nothing personal is shown beyond the masked name and phone.
struct ResidentPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("p")
        p.get("report", use: reportPage)
        p.on(.POST, "report", body: .collect(maxSize: maxBody), use: report)
        p.get("track", use: trackLookup)
        p.get("track", ":code", use: track)
        p.on(.POST, "track", ":code", "information", body: .collect(maxSize: maxBody), use: addInformation)
        p.post("track", ":code", "evaluation", use: evaluate)
        p.post("track", ":code", "reopen", use: reopen)
    }

    // MARK: Report

    struct ReportModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let categories: [SelectOption]
        let communities: [SelectOption]
        let map: GridMapModel
    }

    struct ReportForm: Content {
        var description: String?
        var categoryCode: String?
        var divisionCode: String?
        var address: String?
        var latitude: String?
        var longitude: String?
        var requesterName: String?
        var requesterPhone: String?

        var values: [String: String] {
            var out: [String: String] = [:]
            for (key, value) in [("description", description), ("categoryCode", categoryCode), ("divisionCode", divisionCode), ("address", address),
                                 ("latitude", latitude), ("longitude", longitude), ("requesterName", requesterName), ("requesterPhone", requesterPhone)] {
                if let value { out[key] = value }
            }
            return out
        }
    }

    func reportPage(req: Request) async throws -> Response {
        try await renderReport(req, values: [:], errors: [:])
    }

    func renderReport(_ req: Request, values: [String: String], errors: [String: String], error: String = "",
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let categories = catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let model = ReportModel(values: values, errors: errors, error: error, categories: categories.selecting(values["categoryCode"]),
                                communities: try await Self.communities(req).selecting(values["divisionCode"]),
                                map: try await GridMapCache.map(of: try await Self.jurisdiction(req), req))
        return try await req.page("workorders/resident-report", title: "p_report", model: model, status: status)
    }

    /// The communities that have grids, by name: where a resident without a position says the problem is.
    static func communities(_ req: Request) async throws -> [SelectOption] {
        let codes = Set(try await Grid.query(on: req.db).filter(\.$validTo == nil).field(\.$communityCode).limit(20_000).all().map(\.communityCode))
        var options: [SelectOption] = []
        for chunk in Array(codes).chunked(500) {
            for division in try await Division.query(on: req.db).filter(\.$id ~~ chunk).all() {
                options.append(SelectOption(value: division.id ?? "", label: division.name))
            }
        }
        return options.sorted { $0.value < $1.value }
    }

    /// The division the map covers: the deepest code every grid shares (the county, usually).
    static func jurisdiction(_ req: Request) async throws -> DivisionCode {
        let first = try await Grid.query(on: req.db).filter(\.$validTo == nil).sort(\.$communityCode).first()
        let last = try await Grid.query(on: req.db).filter(\.$validTo == nil).sort(\.$communityCode, .descending).first()
        guard let a = first.flatMap({ DivisionCode($0.communityCode) }), let b = last.flatMap({ DivisionCode($0.communityCode) }) else {
            return DivisionCode("36") ?? DivisionCode("11")!
        }
        return DivisionCode.smallestContaining([a, b]) ?? a
    }

    func report(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        do {
            let description = form.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard description.count >= 5 else { throw Problem.invalid(field: "/description", req.t("p_describe")) }
            let latitude = try formNumber(form.latitude, field: "latitude"), longitude = try formNumber(form.longitude, field: "longitude")
            let divisionText = form.divisionCode?.trimmingCharacters(in: .whitespaces) ?? ""
            guard latitude != nil || !divisionText.isEmpty else { throw Problem.invalid(field: "/divisionCode", req.t("p_where")) }
            // The category the resident chose, or the classifier's best guess from the description.
            var categoryCode = form.categoryCode?.isEmpty == false ? form.categoryCode : nil
            if categoryCode == nil {
                let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
                let classifier = try await req.lianxin.classifier.current(on: req.db)
                let best = classifier.model.predict(description, topK: 1).ranking.first?.label
                categoryCode = catalog.categories.values.first { $0.parentCode == nil && $0.active && $0.name == best }?.id
                    ?? catalog.categories.values.filter { $0.parentCode == nil && $0.active }.compactMap(\.id).sorted().last
            }
            var photo: (data: Data, format: ImageFormat, purpose: String?)?
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
               let file = part.file, file.data.readableBytes > 0 {
                photo = try PhotoUploads.photo(in: req)
            }
            let name = form.requesterName?.trimmingCharacters(in: .whitespaces) ?? ""
            let phone = form.requesterPhone?.trimmingCharacters(in: .whitespaces) ?? ""
            let input = NewWorkOrder(title: String(description.prefix(30)), description: description, categoryCode: categoryCode,
                                     channel: LianxinCore.Channel.miniProgram.rawValue, requestKind: RequestKind.report.rawValue,
                                     divisionCode: divisionText.isEmpty ? nil : divisionText, latitude: latitude, longitude: longitude,
                                     address: form.address, requesterName: name.isEmpty ? nil : name, requesterPhone: phone.isEmpty ? nil : phone,
                                     anonymous: name.isEmpty && phone.isEmpty)
            let service = WorkOrderService(application: req.application, database: req.db)
            let valid = try await service.validate(input, scope: nil)
            let (order, _) = try await service.create(valid, by: .resident(), idempotencyKey: nil)
            if let photo {
                try await PhotoUploads.storeBytes(photo.data, format: photo.format, purpose: "intake", order: order,
                                                           uploader: "resident", uploaderID: nil, context: req.lianxin, on: req.db)
            }
            return req.redirect(to: "/p/track/\(order.trackingCode)?new=1")
        } catch let problem as Problem where problem.status.code < 500 {
            let errors = problem.fieldMessages
            return try await renderReport(req, values: form.values, errors: errors,
                                          error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"), status: problem.status)
        }
    }

    // MARK: Track

    struct TrackModel: Encodable, Sendable {
        let order: PublicTrackingController.PublicOrder?
        let code: String
        let isNew: Bool
        let notice: String
        let error: String
        let errors: [String: String]
        let values: [String: String]
        let canAddInformation: Bool
        let canReopen: Bool
        let satisfactions: [SelectOption]
        let history: [Line]
        struct Line: Encodable, Sendable { let at: String; let title: String }
    }

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
        return try await renderTrack(req, order: order, code: order.trackingCode, isNew: req.query[String.self, at: "new"] == "1",
                                     notice: done.isEmpty ? "" : req.t("p_done_\(done)"))
    }

    func renderTrack(_ req: Request, order: WorkOrder?, code: String, isNew: Bool = false, notice: String = "", error: String = "",
                     errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        var view: PublicTrackingController.PublicOrder?
        var canAdd = false, canReopen = false
        if let order {
            view = try await PublicOrderLookup.view(order, req)
            let state = try WorkOrderService.decodeState(order)
            let offered = WorkOrderMachine.offeredActions(in: state, to: .resident())
            canAdd = offered.contains(.addInformation)
            canReopen = offered.contains(.reopen) && state.evaluation?.satisfaction != .dissatisfied
        }
        let english = req.language == .en
        let model = TrackModel(order: view, code: code, isNew: isNew, notice: notice, error: error, errors: errors, values: values,
                               canAddInformation: canAdd, canReopen: canReopen,
                               satisfactions: Satisfaction.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
                                   .selecting(values["satisfaction"]),
                               history: (view?.history ?? []).reversed().map { TrackModel.Line(at: WorkbenchLookup.beijing($0.at), title: $0.title) })
        return try await req.page("workorders/resident-track", title: "p_track", model: model, status: status)
    }

    /// Runs a resident's step and comes back to the tracking page, or shows the message beside the field.
    private func residentStep(_ req: Request, done: String, values: [String: String],
                              _ step: (WorkOrder) async throws -> Void) async throws -> Response {
        let order = try await PublicOrderLookup.find(req)
        do {
            try await step(order)
            return req.redirect(to: "/p/track/\(order.trackingCode)?done=\(done)")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let fresh = try await WorkOrder.find(order.requireID(), on: req.db) ?? order
            let errors = problem.fieldMessages
            return try await renderTrack(req, order: fresh, code: order.trackingCode, error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"),
                                         errors: errors, values: values, status: problem.status)
        }
    }

    struct InformationForm: Content { var note: String? }

    func addInformation(req: Request) async throws -> Response {
        let form = try req.content.decode(InformationForm.self)
        return try await residentStep(req, done: "information", values: ["note": form.note ?? ""]) { order in
            var photoIDs: [UUID] = []
            let action = try TransitionInput(action: "addInformation", note: form.note).resolved()
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
               let file = part.file, file.data.readableBytes > 0 {
                let photo = try PhotoUploads.photo(in: req)
                let row = try await PhotoUploads.storeBytes(photo.data, format: photo.format, purpose: "information", order: order,
                                                                     uploader: "resident", uploaderID: nil, context: req.lianxin, on: req.db)
                photoIDs = [try row.requireID()]
            }
            let resolved = photoIDs.isEmpty ? action : try TransitionInput(action: "addInformation", note: form.note, photoIds: photoIDs).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(resolved, to: order, by: .resident())
        }
    }

    struct EvaluationForm: Content { var satisfaction: String?; var solved: String?; var comment: String? }

    func evaluate(req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluationForm.self)
        let values = ["satisfaction": form.satisfaction ?? "", "solved": form.solved ?? "", "comment": form.comment ?? ""]
        return try await residentStep(req, done: "evaluation", values: values) { order in
            let solved = form.solved.flatMap { ["true": true, "false": false][$0] }
            let action = try TransitionInput(action: "revisit", satisfaction: form.satisfaction, solved: solved,
                                             comment: form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        }
    }

    struct ReopenForm: Content { var reason: String? }

    func reopen(req: Request) async throws -> Response {
        let form = try req.content.decode(ReopenForm.self)
        return try await residentStep(req, done: "reopen", values: ["reason": form.reason ?? ""]) { order in
            let action = try TransitionInput(action: "reopen", reason: form.reason).resolved()
            _ = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        }
    }
}
