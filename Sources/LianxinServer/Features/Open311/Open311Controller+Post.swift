import Vapor
import Fluent
import SQLKit
import LianxinCore

extension Open311Controller {
    func post(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), let (name, format) = Open311Format.split(file), name == "requests" else {
            return Self.error(Failure(.notFound, "only requests can be posted"), format: .json)
        }
        var form = PostForm()
        if req.body.data != nil, req.headers.contentType != nil {
            do { form = try req.content.decode(PostForm.self) } catch {
                return Self.error(
                    Failure(.badRequest, "the form could not be read; send application/x-www-form-urlencoded or multipart/form-data"),
                    format: format)
            }
        }
        let fields = form.fields
        do {
            try await checkJurisdiction(req, form: fields)
            let key = try await authorize(req, fields)
            let value = try await fileRequest(req, form: form, fields: fields, key: key)
            return Self.document(value, root: "service_requests", format: format)
        } catch let failure as Failure {
            let response = Self.error(failure, format: format)
            if failure.status == .tooManyRequests { response.headers.replaceOrAdd(name: "Retry-After", value: "60") }
            return response
        } catch let problem as Problem {
            return Self.error(Failure(problem), format: format)
        }
    }

    /// The client's key, within its rate limit.
    func authorize(_ req: Request, _ fields: [String: String]) async throws -> Open311Key {
        guard let secret = parameter(req, "api_key", form: fields) else { throw Failure(.forbidden, "api_key is required to file a request") }
        let hash = req.lianxin.cipher.tokenHash(secret)
        guard let key = try await Open311Key.query(on: req.db).filter(\.$keyHash == hash).filter(\.$active == true).first() else {
            await req.audit(.permissionDenied, result: .denied, target: "open311 POST requests", detail: "invalid api_key")
            throw Failure(.forbidden, "invalid api_key")
        }
        guard req.lianxin.limits.allow("open311:\(try key.requireID())", perMinute: key.perMinute, at: req.lianxin.now()) else {
            throw Failure(.tooManyRequests, "rate limit of \(key.perMinute) requests a minute reached for this api_key; retry later")
        }
        return key
    }

    func fileRequest(_ req: Request, form: PostForm, fields: [String: String], key: Open311Key) async throws -> Open311Value {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        guard let code = fields["service_code"], let category = catalog.category(code), category.isPublic != false else {
            throw Failure(.badRequest, "service_code was not provided or not found")
        }
        var point: GeoPoint?
        switch (fields["lat"], fields["long"]) {
        case (nil, nil): break
        case let (lat?, long?):
            guard let latitude = Double(lat), let longitude = Double(long), GeoPoint(lon: longitude, lat: latitude).isValidWGS84 else {
                throw Failure(.badRequest, "lat and long must be WGS84 decimal degrees")
            }
            point = GeoPoint(lon: longitude, lat: latitude)
        default: throw Failure(.badRequest, "give both lat and long")
        }
        let address = fields["address_string"] ?? fields["address_id"].map { "address_id \($0)" }
        guard point != nil || address != nil else { throw Failure(.badRequest, "a location is required: lat and long, address_string or address_id") }
        let division = try await divisionCode(req, at: point)

        var photo: (data: Data, format: ImageFormat)?
        if let media = form.media, media.data.readableBytes > 0 {
            let data = Data(buffer: media.data)
            do {
                let checked = try PhotoUploads.check(data, audience: .public, req)
                photo = (checked.data, checked.format)
            } catch let problem as Problem {
                throw Failure(problem.status == .tooManyRequests ? .tooManyRequests : .badRequest, "media: \(problem.detail)")
            }
        }
        // Filing through Open311 publishes the request unless the filer sends public=false (an extension).
        let publish: Bool
        switch fields["public"]?.lowercased() {
        case nil, "true", "1", "yes": publish = true
        case "false", "0", "no": publish = false
        default: throw Failure(.badRequest, "public is true or false")
        }
        var text = fields["description"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty { text = category.name }
        // Answers to the category's questions are checked and written into the description; answers
        // to questions it does not ask are kept as given.
        let questions = catalog.attributes[code] ?? []
        var extras: [String] = []
        for question in questions {
            switch question.check(form.attribute?[question.code]) {
            case .success(let answer?): extras.append("【\(question.description)】\(answer)")
            case .success(nil): break
            case .failure(let problem): throw Failure(.badRequest, problem.description)
            }
        }
        let asked = Set(questions.map(\.code))
        extras += (form.attribute ?? [:]).filter { !asked.contains($0.key) }.sorted { $0.key < $1.key }.map { "【\($0.key)】\($0.value)" }
        extras += fields["media_url"].map { ["【media_url】\($0)"] } ?? []
        if !extras.isEmpty { text += "\n" + extras.joined(separator: "\n") }
        let name = [fields["last_name"], fields["first_name"]].compactMap { $0 }.joined()
        let input = NewWorkOrder(
            title: String(text.prefix(30)), description: String(text.prefix(4000)), categoryCode: category.id,
            channel: LianxinCore.Channel.open311.rawValue, requestKind: RequestKind.report.rawValue,
            divisionCode: division, latitude: point?.lat, longitude: point?.lon, address: address.map { String($0.prefix(300)) },
            requesterName: name.isEmpty ? nil : String(name.prefix(50)), requesterPhone: fields["phone"],
            anonymous: name.isEmpty && fields["phone"] == nil)
        let service = WorkOrderService(application: req.application, database: req.db)
        let valid = try await service.validate(input, scope: nil)
        let (order, _) = try await service.create(valid, by: .resident(), idempotencyKey: nil)
        try await OrderPublication.record(publish, for: order, by: "open311", at: req.lianxin.now(), on: req.db)
        if let photo {
            try await PhotoUploads.storeBytes(
                photo.data, format: photo.format, purpose: "intake", order: order,
                uploader: "open311", uploaderID: try key.requireID(), context: req.lianxin, on: req.db)
        }
        return .list(
            item: "request",
            [
                .object([
                    ("service_request_id", .string(order.number)),
                    ("service_notice", .string("已受理，可凭查询码 \(order.trackingCode) 查询办理进度 / Received; track it with code \(order.trackingCode)")),
                    ("account_id", .text(fields["account_id"])),
                ])
            ])
    }

    /// The community whose grid contains the point; without a point (or outside every grid when there
    /// are none), the jurisdiction's county.
    func divisionCode(_ req: Request, at point: GeoPoint?) async throws -> String {
        let locator = try await ReferenceData.locator(req.lianxin.referenceCache, on: req.db)
        if let point, let path = locator.path(at: point) {
            return path.community ?? path.township ?? path.county ?? path.grid
        }
        if point != nil, try await Grid.query(on: req.db).filter(\.$validTo == nil).count() > 0 {
            throw Failure(.badRequest, "lat/long is outside this jurisdiction's grids")
        }
        guard let county = try await DivisionQueries.firstCounty(on: req.db) else {
            throw Failure(.badRequest, "this server has no divisions yet")
        }
        return try await GridQueries.firstCommunity(on: req.db).map { String($0.prefix(6)) } ?? county
    }
}
