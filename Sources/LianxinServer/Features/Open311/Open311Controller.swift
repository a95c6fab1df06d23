import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Open311 GeoReport v2 at /open311/v2: discovery, services, service definitions, filing requests
/// (through the normal intake: validation, routing, numbers, SLA clocks), tokens and request
/// status, each in `.json` and `.xml`. Filing needs an `api_key` (query or form) and is rate-limited
/// per key; reading is public, with personal data never shown and long digit runs starred.
struct Open311Controller: RouteCollection {
    static let specification = "http://wiki.open311.org/GeoReport_v2"

    /// The largest filing body read (a `media` photo at the upload limit plus the form).
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let v2 = routes.grouped("open311", "v2")
        v2.get(":file", use: top)
        v2.on(.POST, ":file", body: .collect(maxSize: maxBody), use: post)
        v2.get("services", ":file", use: definition)
        v2.get("service", ":file", use: definition)
        v2.get("requests", ":file", use: one)
        v2.get("tokens", ":file", use: token)
        v2.get("media", ":id", use: media)
    }

    /// A GeoReport error: its HTTP status and description.
    struct Failure: Error {
        let status: HTTPResponseStatus
        let description: String
        init(_ status: HTTPResponseStatus, _ description: String) {
            self.status = status
            self.description = description
        }

        /// A problem from the shared intake (validation, unavailable database) in GeoReport terms:
        /// client errors are 400 naming the fields, server-side ones keep their status.
        init(_ problem: Problem) {
            let fields = problem.errors.map { "\($0.field.dropFirst()): \($0.message)" }.joined(separator: "; ")
            self.init(problem.status.code < 500 ? .badRequest : problem.status, fields.isEmpty ? problem.detail : fields)
        }
    }

    // MARK: Plumbing

    /// Runs `body` for the format named by the file's extension, answering failures as GeoReport errors.
    private func respond(_ req: Request, file: String?, expecting names: Set<String>? = nil,
                         _ body: (String, Open311Format) async throws -> (Open311Value, root: String)) async throws -> Response {
        guard let file, let (name, format) = Open311Format.split(file) else {
            return Self.error(Failure(.notFound, "unknown resource; add .json or .xml"), format: .json)
        }
        if let names, !names.contains(name) { return Self.error(Failure(.notFound, "unknown resource \(name)"), format: format) }
        do {
            try await checkJurisdiction(req)
            let (value, root) = try await body(name, format)
            return Self.document(value, root: root, format: format)
        } catch let failure as Failure {
            return Self.error(failure, format: format)
        } catch let problem as Problem {
            return Self.error(Failure(problem), format: format)
        }
    }

    static func document(_ value: Open311Value, root: String, format: Open311Format, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.contentType)
        return Response(status: status, headers: headers, body: .init(string: Open311Writer.render(value, root: root, as: format)))
    }

    static func error(_ failure: Failure, format: Open311Format) -> Response {
        let value = Open311Value.list(item: "error", [.object([("code", .integer(Int(failure.status.code))),
                                                               ("description", .string(failure.description))])])
        return document(value, root: "errors", format: format, status: failure.status)
    }

    /// A parameter from the query string or, for POST, the form body; blank counts as absent.
    private func parameter(_ req: Request, _ name: String, form: [String: String] = [:]) -> String? {
        let value = form[name] ?? (try? req.query.get(String.self, at: name))
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// An empty `jurisdiction_id` means this server; otherwise it must be our host or a division we hold.
    private func checkJurisdiction(_ req: Request, form: [String: String] = [:]) async throws {
        guard let jurisdiction = parameter(req, "jurisdiction_id", form: form) else { return }
        if jurisdiction == URL(string: req.lianxin.settings.publicBaseURL)?.host { return }
        if let code = DivisionCode(jurisdiction),
           try await (req.db as! any SQLDatabase).raw("SELECT 1 AS found FROM divisions WHERE code = \(bind: code.value)").first() != nil {
            return
        }
        throw Failure(.notFound, "jurisdiction_id \(jurisdiction) not found")
    }

    // MARK: Resources

    func top(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file"), expecting: ["discovery", "services", "requests"]) { name, _ in
            switch name {
            case "discovery": return (try discovery(req), "discovery")
            case "services": return (try await services(req), "services")
            default: return (try await requests(req), "service_requests")
            }
        }
    }

    private func discovery(_ req: Request) throws -> Open311Value {
        let base = req.lianxin.settings.publicBaseURL
        let changeset = Open311Writer.dateTime(Date(timeIntervalSince1970: 1_790_000_000))
        return .object([
            ("changeset", .string(changeset)),
            ("contact", .string("12345 政务服务便民热线 / \(base)")),
            ("key_service", .string("API keys are issued by the system administrator (lianxin open311 key-add) / 请向系统管理员申请 API key")),
            ("endpoints", .list(item: "endpoint", [.object([
                ("specification", .string(Self.specification)), ("url", .string(base + "/open311/v2")), ("changeset", .string(changeset)),
                ("type", .string(req.lianxin.settings.mode == .production ? "production" : "test")),
                ("formats", .list(item: "format", [.string("application/json"), .string("text/xml")])),
            ])])),
        ])
    }

    /// Every active category a resident can report under: the sub-categories, and top-level ones without any.
    private func reportable(_ catalog: ReferenceData.Catalog) -> [Category] {
        let parents = Set(catalog.categories.values.compactMap(\.parentCode))
        return catalog.categories.values.filter { $0.active && ($0.parentCode != nil || !parents.contains($0.id ?? "")) }
            .sorted { ($0.id ?? "") < ($1.id ?? "") }
    }

    private func services(_ req: Request) async throws -> Open311Value {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        return .list(item: "service", reportable(catalog).map { category in
            .object([("service_code", .string(category.id ?? "")), ("service_name", .string(category.name)),
                     ("description", .string(category.name)), ("metadata", .bool(!(catalog.attributes[category.id ?? ""] ?? []).isEmpty)),
                     ("type", .string("realtime")),
                     ("keywords", .string(category.name)),
                     ("group", .string(category.parentCode.flatMap { catalog.categories[$0]?.name } ?? category.name))])
        })
    }

    func definition(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { code, _ in
            let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
            guard let category = catalog.category(code) else { throw Failure(.notFound, "service_code \(code) not found") }
            let attributes = (catalog.attributes[code] ?? []).map { attribute -> Open311Value in
                .object([("variable", .bool(true)), ("code", .string(attribute.code)), ("datatype", .string(attribute.datatype.rawValue)),
                         ("required", .bool(attribute.required)), ("datatype_description", .null), ("order", .integer(attribute.order)),
                         ("description", .string(attribute.description)),
                         ("values", .list(item: "value", attribute.values.map { .object([("key", .string($0.key)), ("name", .string($0.name))]) }))])
            }
            return (.object([("service_code", .string(category.id ?? code)), ("attributes", .list(item: "attribute", attributes))]), "service_definition")
        }
    }

    // MARK: Filing

    /// The form of `POST requests`: every field optional here, checked below with GeoReport errors.
    struct PostForm: Content {
        var api_key: String?
        var jurisdiction_id: String?
        var service_code: String?
        var lat: String?
        var long: String?
        var address_string: String?
        var address_id: String?
        var email: String?
        var device_id: String?
        var account_id: String?
        var first_name: String?
        var last_name: String?
        var phone: String?
        var description: String?
        var media_url: String?
        var attribute: [String: String]?
        var media: File?

        var fields: [String: String] {
            let pairs: [(String, String?)] = [
                ("api_key", api_key), ("jurisdiction_id", jurisdiction_id), ("service_code", service_code), ("lat", lat), ("long", long),
                ("address_string", address_string), ("address_id", address_id), ("email", email), ("device_id", device_id),
                ("account_id", account_id), ("first_name", first_name), ("last_name", last_name), ("phone", phone),
                ("description", description), ("media_url", media_url),
            ]
            return pairs.reduce(into: [:]) { if let value = $1.1 { $0[$1.0] = value } }
        }
    }

    func post(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), let (name, format) = Open311Format.split(file), name == "requests" else {
            return Self.error(Failure(.notFound, "only requests can be posted"), format: .json)
        }
        var form = PostForm()
        if req.body.data != nil, req.headers.contentType != nil {
            do { form = try req.content.decode(PostForm.self) } catch {
                return Self.error(Failure(.badRequest, "the form could not be read; send application/x-www-form-urlencoded or multipart/form-data"),
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
    private func authorize(_ req: Request, _ fields: [String: String]) async throws -> Open311Key {
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

    private func fileRequest(_ req: Request, form: PostForm, fields: [String: String], key: Open311Key) async throws -> Open311Value {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        guard let code = fields["service_code"], let category = catalog.category(code) else {
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
            guard data.count <= req.lianxin.settings.maxUploadBytes else { throw Failure(.badRequest, "media is larger than the upload limit") }
            guard let format = ImageFormat.sniff(data) else { throw Failure(.badRequest, "media must be a JPEG, PNG, WebP, GIF or HEIC photo") }
            photo = (data, format)
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
        let input = NewWorkOrder(title: String(text.prefix(30)), description: String(text.prefix(4000)), categoryCode: category.id,
                                 channel: LianxinCore.Channel.open311.rawValue, requestKind: RequestKind.report.rawValue,
                                 divisionCode: division, latitude: point?.lat, longitude: point?.lon, address: address.map { String($0.prefix(300)) },
                                 requesterName: name.isEmpty ? nil : String(name.prefix(50)), requesterPhone: fields["phone"],
                                 anonymous: name.isEmpty && fields["phone"] == nil)
        let service = WorkOrderService(application: req.application, database: req.db)
        let valid = try await service.validate(input, scope: nil)
        let (order, _) = try await service.create(valid, by: .resident(), idempotencyKey: nil)
        if let photo {
            try await PhotoUploads.storeBytes(photo.data, format: photo.format, purpose: "intake", order: order,
                                                       uploader: "open311", uploaderID: try key.requireID(), context: req.lianxin, on: req.db)
        }
        return .list(item: "request", [.object([
            ("service_request_id", .string(order.number)),
            ("service_notice", .string("已受理，可凭查询码 \(order.trackingCode) 查询办理进度 / Received; track it with code \(order.trackingCode)")),
            ("account_id", .text(fields["account_id"])),
        ])])
    }

    /// The community whose grid contains the point; without a point (or outside every grid when there
    /// are none), the jurisdiction's county.
    private func divisionCode(_ req: Request, at point: GeoPoint?) async throws -> String {
        let locator = try await ReferenceData.locator(req.lianxin.referenceCache, on: req.db)
        if let point, let path = locator.path(at: point) {
            return path.community ?? path.township ?? path.county ?? path.grid
        }
        if point != nil, try await Grid.query(on: req.db).filter(\.$validTo == nil).count() > 0 {
            throw Failure(.badRequest, "lat/long is outside this jurisdiction's grids")
        }
        let sql = req.db as! any SQLDatabase
        let counties = try await sql.raw("SELECT code FROM divisions WHERE LENGTH(code) = 6 ORDER BY code LIMIT 1").all()
        guard let county = try counties.first?.decode(column: "code", as: String.self) else {
            throw Failure(.badRequest, "this server has no divisions yet")
        }
        return try await sql.raw("SELECT DISTINCT community_code FROM grids ORDER BY community_code LIMIT 1").first()
            .map { String(try $0.decode(column: "community_code", as: String.self).prefix(6)) } ?? county
    }

    // MARK: Reading

    func one(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { number, _ in
            guard let order = try await WorkOrder.query(on: req.db).filter(\.$number == number).first() else {
                throw Failure(.notFound, "service_request_id \(number) not found")
            }
            let extensions = parameter(req, "extensions") == "true"
            return (.list(item: "request", [try await Open311Requests(req).describe([order], notes: extensions)[0]]), "service_requests")
        }
    }

    func token(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { token, _ in
            guard let code = TrackingCode.normalized(token),
                  let order = try await WorkOrder.query(on: req.db).filter(\.$trackingCode == code).first() else {
                throw Failure(.notFound, "token \(token) not found")
            }
            return (.list(item: "request", [.object([("service_request_id", .string(order.number)), ("token", .string(order.trackingCode))])]),
                    "service_requests")
        }
    }

    private func requests(_ req: Request) async throws -> Open311Value {
        var query = WorkOrder.query(on: req.db)
        if let ids = parameter(req, "service_request_id") {
            let numbers = ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            query = query.filter(\.$number ~~ numbers)
        } else {
            func date(_ name: String) throws -> Date? {
                guard let text = parameter(req, name) else { return nil }
                guard let date = ISOTimestamp.parse(text) else {
                    throw Failure(.badRequest, "\(name) must be ISO 8601 with an offset, e.g. 2026-11-01T00:00:00+08:00")
                }
                return date
            }
            let end = try date("end_date")
            let start = try date("start_date") ?? (end ?? req.lianxin.now()).addingTimeInterval(-90 * 86_400)
            query = query.filter(\.$createdAt >= start)
            if let end { query = query.filter(\.$createdAt <= end) }
            if let after = try date("updated_after") { query = query.filter(\.$updatedAt > after) }
            if let before = try date("updated_before") { query = query.filter(\.$updatedAt < before) }
            if let codes = parameter(req, "service_code") {
                query = query.filter(\.$categoryCode ~~ codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            if let statuses = parameter(req, "status") {
                let wanted = Set(statuses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
                guard wanted.isSubset(of: ["open", "closed"]) else { throw Failure(.badRequest, "status is open, closed or both") }
                let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
                if wanted == ["open"] { query = query.filter(\.$status ~~ open) }
                if wanted == ["closed"] { query = query.filter(\.$status !~ open) }
            }
        }
        let page = try positive("page", default: 1, maximum: 100_000)
        let size = try positive("page_size", default: 100, maximum: 1000)
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .offset((page - 1) * size).limit(size).all()
        return .list(item: "request", try await Open311Requests(req).describe(rows, notes: parameter(req, "extensions") == "true"))

        func positive(_ name: String, default fallback: Int, maximum: Int) throws -> Int {
            guard let text = parameter(req, name) else { return fallback }
            guard let number = Int(text), (1...maximum).contains(number) else { throw Failure(.badRequest, "\(name) must be 1–\(maximum)") }
            return number
        }
    }

    /// A photo filed through Open311 (only those are public).
    func media(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap({ UUID(uuidString: String($0.prefix(36))) }),
              let row = try await Attachment.find(id, on: req.db), row.uploader == "open311",
              let data = try await req.lianxin.files.get(row.storageKey, on: req.db) else {
            return Self.error(Failure(.notFound, "media not found"), format: .json)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: row.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

/// Orders as GeoReport service requests.
struct Open311Requests {
    let req: Request

    init(_ req: Request) { self.req = req }

    func describe(_ orders: [WorkOrder], notes: Bool) async throws -> [Open311Value] {
        let context = req.lianxin
        let catalog = try await ReferenceData.catalog(context.referenceCache, on: req.db)
        let calendar = try await ReferenceData.calendar(context.referenceCache, on: req.db)
        let departments = Dictionary(catalog.departments.values.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ids = orders.compactMap(\.id)
        let events = ids.isEmpty ? [] : try await WorkOrderEventRecord.query(on: req.db).filter(\.$orderID ~~ ids).sort(\.$sequence).all()
        let eventsByOrder = Dictionary(grouping: events, by: \.orderID)
        let media = ids.isEmpty ? [] : try await Attachment.query(on: req.db).filter(\.$orderID ~~ ids).filter(\.$uploader == "open311").all()
        let mediaByOrder = Dictionary(grouping: media, by: \.orderID)
        let base = context.settings.publicBaseURL
        let now = context.now()
        return try orders.map { order in
            let status = WorkOrderStatus(rawValue: order.status) ?? .received
            let history = eventsByOrder[order.id ?? UUID()] ?? []
            let closingNote = status.isOpen ? nil : history.last { ["completed", "closed", "cancelled"].contains($0.kind) && $0.note != nil }?.note
            let expected = try WorkOrderService.decodeClocks(order).clocks.first { $0.stage == .complete }.map { $0.due(asOf: now, in: calendar) }
            var fields: [(String, Open311Value)] = [
                ("service_request_id", .string(order.number)),
                ("status", .string(status.isOpen ? "open" : "closed")),
                ("status_notes", .text(closingNote.map(PersonalDataMask.redactingNumbers))),
                ("service_name", .string(catalog.categories[order.categoryCode]?.name ?? order.categoryCode)),
                ("service_code", .string(order.categoryCode)),
                ("description", .string(PersonalDataMask.redactingNumbers(in: order.description))),
                ("agency_responsible", .text(order.departmentID.flatMap { departments[$0] })),
                ("service_notice", .null),
                ("requested_datetime", .string(Open311Writer.dateTime(order.createdAt))),
                ("updated_datetime", .string(Open311Writer.dateTime(order.updatedAt))),
                ("expected_datetime", .text(expected.map { Open311Writer.dateTime($0) })),
                ("address", .text(order.address.map(PersonalDataMask.redactingNumbers))),
                ("address_id", .null),
                ("zipcode", .null),
                ("lat", order.latitude.map(Open311Value.number) ?? .null),
                ("long", order.longitude.map(Open311Value.number) ?? .null),
                ("media_url", .text(try mediaByOrder[order.id ?? UUID()]?.first.map { "\(base)/open311/v2/media/\(try $0.requireID())" })),
            ]
            if notes {
                let publicKinds: Set<String> = ["created", "accepted", "dispatched", "signed", "arrived", "progressStarted", "completed",
                                                "evaluated", "reopened", "closed", "closedWithParent", "cancelled", "informationAdded"]
                fields.append(("extended_attributes", .object([
                    ("channel", .string(order.channel)),
                    ("division_code", .string(order.divisionCode)),
                    ("notes", .list(item: "note", history.filter { publicKinds.contains($0.kind) }.map { event in
                        .object([("datetime", .string(Open311Writer.dateTime(event.at))),
                                 ("summary", .string((WorkOrderStatus(rawValue: event.toStatus) ?? status).title(english: false))),
                                 ("type", .string(event.kind)),
                                 ("description", .text(event.kind == "informationAdded" || event.kind == "completed" || event.kind == "closed"
                                                       ? event.note.map(PersonalDataMask.redactingNumbers) : nil))])
                    })),
                ])))
            }
            return .object(fields)
        }
    }
}
