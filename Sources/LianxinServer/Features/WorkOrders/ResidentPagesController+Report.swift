import Vapor
import Fluent
import LianxinCore

extension ResidentPagesController {
    /// The report form; `?asset=<code>` (the QR label on an asset's plate) names the asset already.
    func reportPage(req: Request) async throws -> Response {
        let asset = req.query[String.self, at: "asset"].map { String($0.filter(\.isNumber).prefix(40)) } ?? ""
        return try await renderReport(req, values: asset.isEmpty ? [:] : ["assetCode": asset], errors: [:])
    }

    func renderReport(
        _ req: Request, values: [String: String], errors: [String: String], error: String = "",
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let categories = catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let area = try await Self.jurisdiction(req)
        let map = try await GridMapCache.map(of: area, req)
        let model = ReportModel(
            values: values, errors: errors, error: error, categories: categories.selecting(values["categoryCode"]),
            communities: try await Self.communities(req).selecting(values["divisionCode"]), map: map,
            assetMarkers: try await AssetPicking.markers(within: area, map: map, english: req.language == .en, on: req.db))
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

    /// Files a 随手拍 report. Every problem of the form is found in one pass (#18 item 13): the description, the
    /// place, the photo and the phone are all checked before anything is answered, and the form comes back with
    /// each problem beside its field and everything typed kept.
    func report(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        do {
            var checks = InputValidator(req)
            let description = form.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if description.count < 5 { checks.fail("/description", req.t("p_describe")) }
            func number(_ text: String?, _ field: String) -> Double? {
                do { return try formNumber(text, field: field) } catch let problem as Problem {
                    checks.record(problem.errors)
                    return nil
                } catch { return nil }
            }
            let latitude = number(form.latitude, "latitude"), longitude = number(form.longitude, "longitude")
            let divisionText = form.divisionCode?.trimmingCharacters(in: .whitespaces) ?? ""
            // The city asset (部件) picked on the map or typed: the report is filed at its place, for its owner.
            let assetCode = form.assetCode?.trimmingCharacters(in: .whitespaces) ?? ""
            let asset = try await AssetPicking.named(assetCode, within: try await Self.jurisdiction(req), on: req.db)
            if !assetCode.isEmpty && asset == nil { checks.fail("/assetCode", key: "fw_asset_code_unknown") }
            if latitude == nil && divisionText.isEmpty && asset == nil && checks.errors.allSatisfy({ $0.field != "/latitude" }) {
                checks.fail("/divisionCode", req.t("p_where"))
            }
            // The category the resident chose, or the classifier's best guess from the description.
            var categoryCode = form.categoryCode?.isEmpty == false ? form.categoryCode : nil
            if categoryCode == nil {
                let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
                let classifier = try await req.lianxin.classifier.current(on: req.db)
                let best = classifier.model.predict(description, topK: 1).ranking.first?.label
                categoryCode =
                    catalog.categories.values.first { $0.parentCode == nil && $0.active && $0.name == best }?.id
                    ?? catalog.categories.values.filter { $0.parentCode == nil && $0.active }.compactMap(\.id).sorted().last
            }
            var photo: (data: Data, format: ImageFormat, purpose: String?)?
            var photoStatus: HTTPResponseStatus?
            if req.headers.contentType?.type == "multipart", let part = try? req.content.decode(OrderPagesController.PhotoPart.self),
                let file = part.file, file.data.readableBytes > 0
            {
                do { photo = try PhotoUploads.photo(in: req, audience: .public) } catch let problem as Problem where problem.status.code < 500 {
                    photoStatus = problem.status
                    checks.record(problem.errors.isEmpty ? [.init(field: "/file", message: problem.detail)] : problem.errors)
                }
            }
            let name = form.requesterName?.trimmingCharacters(in: .whitespaces) ?? ""
            let phone = form.requesterPhone?.trimmingCharacters(in: .whitespaces) ?? ""
            var input = NewWorkOrder(
                title: String((description.isEmpty ? "—" : description).prefix(30)), description: description.isEmpty ? "—" : description,
                categoryCode: categoryCode, channel: LianxinCore.Channel.miniProgram.rawValue, requestKind: RequestKind.report.rawValue,
                divisionCode: divisionText.isEmpty ? nil : divisionText, latitude: latitude, longitude: longitude,
                address: form.address, requesterName: name.isEmpty ? nil : name, requesterPhone: phone.isEmpty ? nil : phone,
                anonymous: name.isEmpty && phone.isEmpty)
            if let asset { input = AssetPicking.placed(input, at: asset) }
            let service = WorkOrderService(application: req.application, database: req.db)
            // The intake's own checks (phone, place, address) run too, so their problems come in the same answer.
            var validated: ValidWorkOrder?
            do { validated = try await service.validate(input, scope: nil) } catch let problem as Problem where problem.status == .unprocessableEntity
            {
                let named = Set(checks.errors.map(\.field))
                checks.record(problem.errors.filter { !named.contains($0.field) && !(latitude == nil && $0.field == "/latitude") })
                if problem.errors.isEmpty { checks.fail("/description", problem.detail) }
            }
            do { try checks.finish() } catch let problem as Problem {
                // A refused photo keeps its own status (415 not a photo, 413 too large, 429 too many), with every
                // other problem of the form listed beside it.
                guard let photoStatus else { throw problem }
                var refused = problem
                refused.status = photoStatus
                throw refused
            }
            guard var valid = validated else { throw Problem.invalid(field: "/description", req.t("p_describe")) }
            valid.assetOwnerID = asset?.ownerDepartmentID
            let (order, _) = try await service.create(valid, by: .resident(), idempotencyKey: nil)
            if let asset { try await AssetPicking.record(order, on: asset, by: nil, on: req.db) }
            try await OrderPublication.record(form.publish == "true", for: order, by: "resident", at: req.lianxin.now(), on: req.db)
            if let photo {
                try await PhotoUploads.storeBytes(
                    photo.data, format: photo.format, purpose: "intake", order: order,
                    uploader: "resident", uploaderID: nil, context: req.lianxin, on: req.db)
            }
            return req.redirect(to: "/p/track/\(order.trackingCode)?new=1")
        } catch let problem as Problem where problem.status.code < 500 {
            let errors = problem.fieldMessages(req.language)
            return try await renderReport(
                req, values: form.values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), status: problem.status)
        }
    }
}
