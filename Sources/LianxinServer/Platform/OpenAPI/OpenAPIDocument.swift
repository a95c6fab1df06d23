import Vapor
import LianxinCore

/// The OpenAPI 3.1 description of /api/v1, served at /openapi.json. Written next to the routes it
/// describes; the test suite checks that every documented path answers and every API route is documented.
enum OpenAPIDocument {
    static func string(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    static func nullable(_ type: String, format: String? = nil) -> JSONValue {
        format.map { ["type": [.string(type), "null"], "format": .string($0)] } ?? ["type": [.string(type), "null"]]
    }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let text: JSONValue = ["type": "string"]

    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(pairs)
    }

    static func page(of item: String) -> JSONValue {
        object([("items", ["type": "array", "items": ref(item)]), ("nextCursor", nullable("string"))], required: ["items"])
    }

    static func json(_ schema: JSONValue) -> JSONValue { ["application/json": ["schema": schema]] }

    static let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]

    static func errors(_ codes: [Int]) -> [(String, JSONValue)] {
        codes.map { (String($0), ["description": .string(HTTPResponseStatus(statusCode: $0).reasonPhrase), "content": problem]) }
    }

    static func operation(_ summary: String, tag: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
                          ok: (Int, JSONValue?), errors codes: [Int] = [401, 403], secured: Bool = true) -> JSONValue {
        var responses: [(String, JSONValue)] = [(String(ok.0), ok.1.map { ["description": "OK", "content": json($0)] } ?? ["description": "OK"])]
        responses += errors(codes)
        var pairs: [(String, JSONValue)] = [("summary", .string(summary)), ("tags", [.string(tag)]), ("responses", .object(responses))]
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let body { pairs.append(("requestBody", ["required": true, "content": json(body)])) }
        if !secured { pairs.append(("security", [])) }
        return .object(pairs)
    }

    /// An upload: the raw image as the body, or a multipart form with `file` (and `purpose`).
    static func photoUpload(_ summary: String, tag: String, parameters: [JSONValue], errors codes: [Int], secured: Bool = true) -> JSONValue {
        let purpose = enumeration(AttachmentsController.purposes.sorted())
        var pairs: [(String, JSONValue)] = [
            ("summary", .string(summary)), ("tags", [.string(tag)]),
            ("parameters", .array(parameters + [query("purpose", purpose, "why the photo is added")])),
            ("requestBody", ["required": true, "content": [
                "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                "image/png": ["schema": ["type": "string", "format": "binary"]],
                "multipart/form-data": ["schema": object([("file", ["type": "string", "format": "binary"]), ("purpose", purpose)], required: ["file"])],
            ]]),
            ("responses", .object([("201", ["description": "Created", "content": json(ref("Attachment"))])]
                                  + errors(([400, 413, 415, 422] + codes).sorted()))),
        ]
        if !secured { pairs.append(("security", [])) }
        return .object(pairs)
    }

    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "schema": schema, "description": .string(description)]
    }

    static func path(_ name: String, _ schema: JSONValue = text) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": schema]
    }

    static let pageParameters = [query("limit", ["type": "integer", "minimum": 1, "maximum": 500], "page size (default 50)"),
                                 query("cursor", text, "nextCursor of the previous page")]

    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": ["title": "Lianxin API", "version": "1",
                 "description": "Grassroots governance: 接诉即办 work orders, 吹哨报到, divisions, accounts and the audit log. Errors are RFC 9457 problem details naming the field."],
        "servers": [["url": "/"]],
        "security": [["bearerAuth": []], ["sessionCookie": []]],
        "paths": .object(paths + LianxinFeatures.openAPIPaths),
        "components": ["securitySchemes": [
            "bearerAuth": ["type": "http", "scheme": "bearer"],
            "sessionCookie": ["type": "apiKey", "in": "cookie", "name": "lianxin_session"],
        ], "schemas": .object(schemas + LianxinFeatures.openAPISchemas)],
    ]

    static let paths: [(String, JSONValue)] = [
        ("/healthz", ["get": operation("Liveness", tag: "operations", ok: (200, nil), errors: [], secured: false)]),
        ("/readyz", ["get": operation("Readiness: database reachable and migrated", tag: "operations", ok: (200, nil), errors: [503], secured: false)]),
        ("/api/v1/sessions", ["post": operation("Sign in; sets the session cookie", tag: "accounts",
            body: object([("username", text), ("password", text)], required: ["username", "password"]), ok: (204, nil), errors: [400, 401, 422], secured: false)]),
        ("/api/v1/me", ["get": operation("The signed-in account", tag: "accounts", ok: (200, ref("User")), errors: [401])]),
        ("/api/v1/users", [
            "get": operation("Accounts in your division", tag: "accounts", parameters: pageParameters + [query("role", enumeration(Role.allCases.map(\.rawValue)), "filter by role")],
                             ok: (200, page(of: "User")), errors: [401, 403, 422]),
            "post": operation("Create an account (admin)", tag: "accounts", body: ref("NewUser"), ok: (201, ref("User")), errors: [400, 401, 403, 422]),
        ]),
        ("/api/v1/users/{id}", ["get": operation("One account", tag: "accounts", parameters: [path("id", uuid)], ok: (200, ref("User")), errors: [401, 403, 404])]),
        ("/api/v1/divisions", ["get": operation("Children of a division in your scope", tag: "divisions",
            parameters: pageParameters + [query("parent", text, "parent division code (default: your own division)")], ok: (200, page(of: "Division")), errors: [401, 403, 404, 422])]),
        ("/api/v1/divisions/{code}", ["get": operation("One division", tag: "divisions", parameters: [path("code")], ok: (200, ref("Division")), errors: [401, 403, 404])]),
        ("/api/v1/audit-entries", ["get": operation("The audit log, newest first (auditors)", tag: "audit",
            parameters: pageParameters + [query("action", text, "action"), query("result", enumeration(["success", "failure", "denied"]), "result"), query("actor", text, "user name")],
            ok: (200, page(of: "AuditEntry")), errors: [401, 403, 422])]),
        ("/api/v1/work-orders", [
            "get": operation("Work orders in your scope, newest first", tag: "work orders", parameters: pageParameters + [
                query("status", text, "comma-separated statuses: " + WorkOrderStatus.allCases.map(\.rawValue).joined(separator: ", ")),
                query("category", text, "category code prefix"), query("division", text, "division code"),
                query("department", uuid, "department id"), query("overdue", enumeration(["true", "false"]), "overdue only"),
                query("phone", text, "the caller's phone number: their earlier requests (matched through the blind index)"),
                query("supervised", enumeration(["true", "false"]), "under supervision"),
                query("createdFrom", dateTime, "created at or after"), query("createdTo", dateTime, "created before")],
                ok: (200, page(of: "WorkOrder")), errors: [401, 403, 422]),
            "post": .object([("summary", "Record a request (受理); Idempotency-Key makes retries safe"), ("tags", ["work orders"]),
                ("parameters", [["name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string", "minLength": 1, "maxLength": 200]]]),
                ("requestBody", ["required": true, "content": json(ref("NewWorkOrder"))]),
                ("responses", .object([("201", ["description": "Created", "content": json(ref("WorkOrder"))]),
                                       ("200", ["description": "The order an earlier request with the same key created", "content": json(ref("WorkOrder"))])]
                                      + errors([400, 401, 403, 409, 422])))]),
        ]),
        ("/api/v1/work-orders/{id}", ["get": operation("One work order", tag: "work orders", parameters: [path("id", uuid)], ok: (200, ref("WorkOrder")), errors: [401, 403, 404])]),
        ("/api/v1/work-orders/{id}/events", ["get": operation("The order's history", tag: "work orders", parameters: [path("id", uuid)],
            ok: (200, ["type": "array", "items": ref("WorkOrderEvent")]), errors: [401, 403, 404])]),
        ("/api/v1/work-orders/{id}/transitions", ["post": operation("Take one step of the lifecycle (409 with the reason when not allowed)", tag: "work orders",
            parameters: [path("id", uuid)], body: ref("Transition"), ok: (200, ref("WorkOrder")), errors: [400, 401, 403, 404, 409, 422])]),
        ("/api/v1/work-orders/{id}/duplicates", ["get": operation("Open orders that look like the same problem as this one (suggestions; nothing is merged)",
            tag: "work orders", parameters: [path("id", uuid)],
            ok: (200, ["type": "array", "items": object([("orderId", uuid), ("number", text), ("title", text), ("status", text), ("score", number),
                                                          ("textSimilarity", number), ("distanceMeters", nullable("number")), ("hoursApart", number),
                                                          ("sameCaller", boolean)])]),
            errors: [401, 403, 404])]),
        ("/api/v1/work-orders/suggestions", ["post": operation("Likely categories (with their departments) and possible duplicates while a request is typed",
            tag: "work orders", body: object([("title", text), ("description", text), ("divisionCode", text), ("latitude", number), ("longitude", number),
                                              ("requesterPhone", text)]),
            ok: (200, object([("modelVersion", integer), ("categories", ["type": "array", "items": object([("code", text), ("name", text), ("confidence", number),
                                                                                 ("departmentId", nullable("string", format: "uuid")), ("departmentName", nullable("string"))])]),
                              ("duplicates", ["type": "array", "items": object([("orderId", uuid), ("number", text), ("title", text), ("status", text),
                                                                                 ("score", number), ("textSimilarity", number), ("distanceMeters", nullable("number")),
                                                                                 ("hoursApart", number), ("sameCaller", boolean)])]),
                              ("grid", nullable("string")), ("gridName", nullable("string"))])),
            errors: [400, 401, 403, 422])]),
        ("/api/v1/work-orders/{id}/unmask", ["post": operation("Show the requester's full name and phone, with a reason (audited)", tag: "work orders",
            parameters: [path("id", uuid)], body: object([("reason", text)], required: ["reason"]),
            ok: (200, object([("requesterName", nullable("string")), ("requesterPhone", nullable("string"))])), errors: [400, 401, 403, 404, 422])]),
        ("/api/v1/work-orders/{id}/attachments", [
            "get": operation("The order's photos", tag: "work orders", parameters: [path("id", uuid)],
                             ok: (200, ["type": "array", "items": ref("Attachment")]), errors: [401, 403, 404]),
            "post": photoUpload("Attach a photo (JPEG, PNG, WebP, GIF or HEIC, recognised by its bytes)", tag: "work orders",
                                parameters: [path("id", uuid)], errors: [401, 403, 404]),
        ]),
        ("/api/v1/work-orders/{id}/attachments/{attachmentId}", ["get": [
            "summary": "The photo's bytes", "tags": ["work orders"], "parameters": [path("id", uuid), path("attachmentId", uuid)],
            "responses": .object([("200", ["description": "OK", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]]),
                                  ("304", ["description": "Not modified"])] + errors([401, 403, 404]))]]),
        ("/api/v1/categories", ["get": operation("The category tree", tag: "reference", ok: (200, ["type": "array", "items": ref("Category")]), errors: [401])]),
        ("/api/v1/departments", ["get": operation("Handling departments", tag: "reference", ok: (200, ["type": "array", "items": ref("Department")]), errors: [401])]),
        ("/api/v1/inbox", ["get": operation("Your notifications", tag: "work orders", ok: (200, ["type": "array", "items": ref("InboxItem")]), errors: [401])]),
        ("/api/v1/public/orders/{code}", ["get": operation("Follow a request by its tracking code (personal data masked)", tag: "residents",
            parameters: [path("code")], ok: (200, ref("PublicOrder")), errors: [404], secured: false)]),
        ("/api/v1/public/orders/{code}/evaluation", ["post": operation("Evaluate a completed request", tag: "residents", parameters: [path("code")],
            body: object([("satisfaction", enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", boolean), ("comment", text)], required: ["satisfaction", "solved"]),
            ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422], secured: false)]),
        ("/api/v1/public/orders/{code}/reopen", ["post": operation("Ask to reopen an evaluated or closed request", tag: "residents", parameters: [path("code")],
            body: object([("reason", text)], required: ["reason"]), ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422], secured: false)]),
        ("/api/v1/public/orders/{code}/attachments", ["post": photoUpload("Add a photo to an open request", tag: "residents",
            parameters: [path("code")], errors: [404, 409], secured: false)]),
        ("/api/v1/public/orders/{code}/information", ["post": operation("Add information (and uploaded photos) to an open request; ends a wait on you",
            tag: "residents", parameters: [path("code")], body: object([("note", text), ("photoIds", ["type": "array", "items": uuid])], required: ["note"]),
            ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422], secured: false)]),
        ("/api/v1/whistles", [
            "get": operation("Whistles in your scope", tag: "whistles", ok: (200, ["type": "array", "items": ref("Whistle")]), errors: [401, 403]),
            "post": operation("Blow a whistle (吹哨)", tag: "whistles", body: object([("title", text), ("description", text), ("requiredArrivalAt", dateTime),
                ("departmentIds", ["type": "array", "items": uuid]), ("orderId", uuid), ("divisionCode", text)], required: ["title", "requiredArrivalAt", "departmentIds"]),
                ok: (201, ref("Whistle")), errors: [400, 401, 403, 422]),
        ]),
        ("/api/v1/whistles/{id}", ["get": operation("One whistle", tag: "whistles", parameters: [path("id", uuid)], ok: (200, ref("Whistle")), errors: [401, 403, 404])]),
        ("/api/v1/whistles/{id}/report", ["post": operation("报到: your department is on site", tag: "whistles", parameters: [path("id", uuid)],
            body: object([("note", text)]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409])]),
        ("/api/v1/whistles/{id}/work", ["post": operation("Your department's part of the work", tag: "whistles", parameters: [path("id", uuid)],
            body: object([("note", text)], required: ["note"]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409, 422])]),
        ("/api/v1/whistles/{id}/evaluations", ["post": operation("一哨一评: mark a department 1–5", tag: "whistles", parameters: [path("id", uuid)],
            body: object([("departmentId", uuid), ("evaluator", enumeration(["blower", "requester"])), ("handling", ["type": "integer", "minimum": 1, "maximum": 5]),
                          ("satisfaction", ["type": "integer", "minimum": 1, "maximum": 5])], required: ["departmentId", "handling", "satisfaction"]),
            ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 422])]),
        ("/api/v1/whistles/{id}/close", ["post": operation("Close with the result", tag: "whistles", parameters: [path("id", uuid)],
            body: object([("result", text)], required: ["result"]), ok: (200, ref("Whistle")), errors: [400, 401, 403, 404, 409, 422])]),
        ("/api/v1/routing-rules", [
            "get": operation("Routing rules (admin)", tag: "rules", ok: (200, ["type": "array", "items": ref("RoutingRule")]), errors: [401, 403]),
            "post": operation("Create or replace the rule for a category in a division (admin)", tag: "rules", body: ref("RoutingRule"),
                              ok: (200, ref("RoutingRule")), errors: [400, 401, 403, 422]),
        ]),
        ("/api/v1/routing-rules/{id}", ["delete": operation("Delete a routing rule (admin)", tag: "rules", parameters: [path("id", uuid)],
            ok: (204, nil), errors: [401, 403, 404])]),
        ("/api/v1/sla-policies", ["get": operation("SLA policies", tag: "rules", ok: (200, ["type": "array", "items": ref("SLAPolicy")]), errors: [401])]),
        ("/api/v1/sla-policies/{code}", ["put": operation("Create or replace an SLA policy (admin)", tag: "rules", parameters: [path("code")],
            body: ref("SLAPolicy"), ok: (200, ref("SLAPolicy")), errors: [400, 401, 403, 404, 422])]),
        ("/api/v1/calendar-days", [
            "get": operation("Holidays and make-up working days", tag: "rules", parameters: [query("year", text, "e.g. 2027")],
                             ok: (200, ["type": "array", "items": object([("day", text), ("kind", enumeration(["holiday", "workday"])), ("name", nullable("string"))])]),
                             errors: [401, 422]),
            "post": .object([("summary", "Add a holiday notice as text lines `date,kind[,name]` (admin)"), ("tags", ["rules"]),
                             ("requestBody", ["required": true, "content": ["text/plain": ["schema": ["type": "string"]]]]),
                             ("responses", .object([("200", ["description": "The days added"])] + errors([400, 401, 403, 422])))]),
        ]),
        ("/api/v1/grids", ["get": .object([
            ("summary", "Grids in force in your division, as a GeoJSON FeatureCollection (code, name, parent, version, generated, validFrom)"),
            ("tags", ["grids"]),
            ("parameters", [query("coordinates", enumeration(CoordinateSystem.allCases.map(\.rawValue)), "coordinate system to write (default wgs84)")]),
            ("responses", .object([("200", ["description": "OK", "content": ["application/geo+json": ["schema": ["type": "object"]]]])] + errors([401, 403, 422]))),
        ])]),
        ("/api/v1/grids/order-counts", ["get": operation("Orders per grid over a period, by the grid version each was filed in (cut=filed) or by the grids in force now (cut=current)",
            tag: "grids", parameters: [query("cut", enumeration(["filed", "current"]), "which grids count"), query("from", dateTime, "start (default 30 days before to)"),
                                       query("to", dateTime, "end (default now)")],
            ok: (200, ["type": "array", "items": object([("gridCode", text), ("gridVersion", nullable("integer")), ("orders", integer)])]),
            errors: [401, 403, 422])]),
        ("/api/v1/grids/import", ["post": .object([
            ("summary", "Import grids (all or nothing; every problem listed; a changed grid gets a new version)"), ("tags", ["grids"]),
            ("parameters", [query("coordinates", enumeration(CoordinateSystem.allCases.map(\.rawValue)), "coordinate system of the file (gcj02 is converted)"),
                            query("replace", boolean, "retire grids of the file's communities that the file leaves out")]),
            ("requestBody", ["required": true, "content": ["application/geo+json": ["schema": ["type": "object"]], "application/json": ["schema": ["type": "object"]]]]),
            ("responses", .object([("200", ["description": "OK", "content": json(object([("added", integer), ("changed", integer), ("unchanged", integer), ("retired", integer)]))])]
                          + errors([401, 403, 413, 422]))),
        ])]),
        ("/api/v1/grid-changes", [
            "get": operation("Grid changes (三上三下) in your division, newest first", tag: "grids", ok: (200, ["type": "array", "items": ref("GridChange")]), errors: [401, 403]),
            "post": operation("Propose a split, merge, redraw or new grids (checked like an import; nothing changes until the county's date)", tag: "grids",
                              body: ref("GridChangeProposal"), ok: (201, ref("GridChange")), errors: [401, 403, 422]),
        ]),
        ("/api/v1/grid-changes/{id}", [
            "get": operation("One change with its reviews, its plan and its impact (households, residents, orders of the last 12 months)", tag: "grids",
                             parameters: [path("id", uuid)], ok: (200, ref("GridChange")), errors: [401, 403, 404]),
            "put": operation("Resubmit a returned change (the next round; three at most)", tag: "grids", parameters: [path("id", uuid)],
                             body: ref("GridChangeProposal"), ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422]),
        ]),
        ("/api/v1/grid-changes/{id}/reviews", ["post": operation("A department approves, comments on or returns the change", tag: "grids",
            parameters: [path("id", uuid)], body: object([("decision", enumeration(["approve", "return", "comment"])), ("comment", text)], required: ["decision"]),
            ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422])]),
        ("/api/v1/grid-changes/{id}/decision", ["post": operation("The county approves (with the day it takes effect) or returns the change", tag: "grids",
            parameters: [path("id", uuid)],
            body: object([("decision", enumeration(["approve", "return"])), ("effectiveOn", ["type": "string", "format": "date"]), ("comment", text)], required: ["decision"]),
            ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422])]),
        ("/api/v1/visits/due", ["get": operation("Households in your scope whose visit is due by today, most urgent first (visit rules as data)", tag: "residents",
            parameters: [query("grid", text, "only this grid")],
            ok: (200, ["type": "array", "items": object([("householdId", uuid), ("address", text), ("gridCode", text), ("tags", ["type": "array", "items": text]),
                                                          ("lastVisitAt", nullable("string", format: "date-time")), ("dueOn", text), ("daysOverdue", integer),
                                                          ("because", nullable("string"))])]), errors: [401, 403, 422])]),
        ("/api/v1/visits", [
            "get": operation("Visits in your scope, newest first", tag: "residents",
                             parameters: [query("household", uuid, "one household"), query("grid", text, "one grid")],
                             ok: (200, ["type": "array", "items": ref("Visit")]), errors: [401, 403, 422]),
            "post": operation("Record a visit; each finding is handled on the spot (selfHandled, with result) or filed as a gridPatrol work order (workOrder, with categoryCode)",
                              tag: "residents",
                              body: object([("householdId", uuid), ("visitedAt", dateTime), ("latitude", number), ("longitude", number), ("note", text),
                                            ("findings", ["type": "array", "items": object([("description", text), ("outcome", enumeration(["selfHandled", "workOrder"])),
                                                                                           ("result", text), ("categoryCode", text)])]),
                                            ("photoIds", ["type": "array", "items": uuid])], required: ["householdId"]),
                              ok: (201, ref("Visit")), errors: [401, 403, 404, 422]),
        ]),
        ("/api/v1/visits/photos", ["post": .object([
            ("summary", "Upload a visit photo for a household in your scope (then cite it in photoIds when recording the visit)"), ("tags", ["residents"]),
            ("parameters", [query("household", uuid, "the household visited")]),
            ("requestBody", ["required": true, "content": [
                "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                "image/png": ["schema": ["type": "string", "format": "binary"]],
                "multipart/form-data": ["schema": object([("file", ["type": "string", "format": "binary"])], required: ["file"])],
            ]]),
            ("responses", .object([("201", ["description": "Created", "content": json(object([("id", uuid), ("contentType", text), ("byteSize", integer),
                                                                                              ("sha256", text), ("url", text)]))])]
                          + errors([401, 403, 404, 413, 415, 422]))),
        ])]),
        ("/api/v1/visits/photos/{id}", ["get": .object([
            ("summary", "A visit photo's bytes"), ("tags", ["residents"]), ("parameters", [path("id", uuid)]),
            ("responses", .object([("200", ["description": "The photo", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]])]
                          + errors([401, 403, 404]))),
        ])]),
        ("/api/v1/visit-coverage", ["get": operation("Visit coverage per grid or community: households visited within their cadence ÷ households a rule applies to",
            tag: "residents", parameters: [query("by", enumeration(["grid", "community"]), "unit of the rows")],
            ok: (200, object([("formula", text), ("by", text), ("rows", ["type": "array", "items": object([("code", text), ("households", integer),
                ("householdsWithRules", integer), ("visitedAsDue", integer), ("overdue", integer), ("coverage", nullable("number"))])])])),
            errors: [401, 403, 422])]),
        ("/api/v1/visit-rules", ["get": operation("Visit rules: tag (or * for every household) → cadence", tag: "residents",
            ok: (200, ["type": "array", "items": object([("tag", text), ("cadence", text)])]), errors: [401, 403])]),
        ("/api/v1/visit-rules/{tag}", ["put": operation("Set a tag's cadence: daily, weekly, monthly, every:N or onChange (audited)", tag: "residents",
            parameters: [path("tag")], body: object([("cadence", text)], required: ["cadence"]),
            ok: (200, object([("tag", text), ("cadence", text)])), errors: [401, 403, 404, 422])]),
        ("/api/v1/grid-clusters", [
            "get": operation("Grid clusters (片区) in your division", tag: "residents", ok: (200, ["type": "array", "items": ref("GridCluster")]), errors: [401, 403]),
            "post": operation("Group grids in force into a cluster (a grid belongs to one cluster)", tag: "residents",
                              body: object([("code", text), ("name", text), ("gridCodes", ["type": "array", "items": text]), ("leaderId", uuid)],
                                           required: ["code", "name", "gridCodes"]),
                              ok: (201, ref("GridCluster")), errors: [401, 403, 409, 422]),
        ]),
        ("/api/v1/pairings", [
            "get": operation("Current pairings in your division", tag: "residents",
                             parameters: [query("kind", enumeration(PairingsController.kinds), "one kind"), query("person", text, "one person")],
                             ok: (200, ["type": "array", "items": ref("Pairing")]), errors: [401, 403, 422]),
            "post": operation("Pair a person with households (partyMember, at most 20), divisions (cadre) or clusters (leader); all or nothing",
                              tag: "residents",
                              body: object([("kind", enumeration(PairingsController.kinds)), ("personName", text), ("personId", uuid),
                                            ("targets", ["type": "array", "items": text])], required: ["kind", "personName", "targets"]),
                              ok: (201, ["type": "array", "items": ref("Pairing")]), errors: [401, 403, 422]),
        ]),
        ("/api/v1/pairings/{id}/end", ["post": operation("End a pairing", tag: "residents", parameters: [path("id", uuid)],
            ok: (200, ref("Pairing")), errors: [401, 403, 404, 409])]),
        ("/api/v1/pairing-coverage", ["get": operation("Households without a party member, communities without a cadre, party members outside 10–20 households, clusters without a leader",
            tag: "residents",
            ok: (200, object([("communities", ["type": "array", "items": object([("communityCode", text), ("households", integer), ("pairedHouseholds", integer),
                                                                                 ("coverage", nullable("number")), ("hasCadre", boolean),
                                                                                 ("unpaired", ["type": "array", "items": object([("householdId", uuid), ("address", text)])])])]),
                              ("partyMembers", ["type": "array", "items": object([("personName", text), ("households", integer), ("withinRange", boolean)])]),
                              ("clustersWithoutLeader", ["type": "array", "items": text])])),
            errors: [401, 403])]),
        ("/api/v1/classifier", ["get": operation("The category classifier in use, stored versions, rejected versions and pending corrections",
            tag: "intelligence", ok: (200, ref("ClassifierStatus")), errors: [401, 403])]),
        ("/api/v1/classifier/training", ["post": operation("Train on closed orders (and corrections), store the next version and use it",
            tag: "intelligence", body: object([("includeShipped", boolean), ("evaluate", boolean), ("folds", ["type": "integer", "minimum": 2, "maximum": 20]),
                                               ("limit", ["type": "integer", "minimum": 1, "maximum": 2_000_000])]),
            ok: (201, object([("model", ref("ClassifierModel")), ("inUse", boolean),
                              ("evaluation", object([("folds", integer), ("accuracy", number), ("macroF1", number)]))], required: ["model", "inUse"])),
            errors: [401, 403, 422])]),
        ("/api/v1/classifier/models", ["post": .object([
            ("summary", "Store a model file trained elsewhere (lianxin train --out); a damaged file is refused"), ("tags", ["intelligence"]),
            ("requestBody", ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]),
            ("responses", .object([("201", ["description": "Created", "content": json(ref("ClassifierModel"))])] + errors([401, 403, 413, 422]))),
        ])]),
        ("/api/v1/classifier/models/{version}", ["patch": operation("Disable or re-enable a stored version", tag: "intelligence",
            parameters: [path("version", integer)], body: object([("disabled", boolean)], required: ["disabled"]),
            ok: (200, ref("ClassifierModel")), errors: [401, 403, 404, 422])]),
        ("/api/v1/hotspots", ["get": operation("Hotspots of the latest pass in your division (未诉先办), largest first", tag: "intelligence",
            parameters: [query("status", enumeration(["all", "open", "tasked", "dismissed"]), "filter by what was done")],
            ok: (200, object([("run", ref("HotspotRun")), ("items", ["type": "array", "items": ref("Hotspot")])], required: ["items"])),
            errors: [401, 403, 422])]),
        ("/api/v1/hotspots/runs", ["post": operation("Run a hotspot pass now (window ending now)", tag: "intelligence",
            ok: (201, ref("HotspotRun")), errors: [401, 403, 409])]),
        ("/api/v1/hotspots/{id}", ["get": operation("One hotspot with sample orders", tag: "intelligence", parameters: [path("id", uuid)],
            ok: (200, ref("Hotspot")), errors: [401, 403, 404])]),
        ("/api/v1/hotspots/{id}/task", ["post": operation("Turn the hotspot into a proactive task (channel proactive), routed like any order",
            tag: "intelligence", parameters: [path("id", uuid)], body: object([("title", text), ("description", text)]),
            ok: (201, ref("WorkOrder")), errors: [401, 403, 404, 409, 422])]),
        ("/api/v1/hotspots/{id}/dismiss", ["post": operation("Mark the hotspot as needing no task, with the reason", tag: "intelligence",
            parameters: [path("id", uuid)], body: object([("reason", ["type": "string", "minLength": 2, "maxLength": 500])], required: ["reason"]),
            ok: (200, ref("Hotspot")), errors: [401, 403, 404, 422])]),
        ("/api/v1/hotspot-parameters", [
            "get": operation("Hotspot detection parameters in force", tag: "intelligence", ok: (200, ref("HotspotSettings")), errors: [401, 403]),
            "put": operation("Change hotspot detection parameters (audited)", tag: "intelligence", body: ref("HotspotSettings"),
                             ok: (200, ref("HotspotSettings")), errors: [401, 403, 422]),
        ]),
        ("/api/v1/whistle-scores", ["get": operation("Average 一哨一评 score per department for a month", tag: "whistles",
            parameters: [["name": "month", "in": "query", "required": true, "schema": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]]],
            ok: (200, ["type": "array", "items": ref("DepartmentScore")]), errors: [401, 403, 422])]),
        ("/api/v1/residents", ["get": operation("Residents in your scope by name (a grid member: the grids they serve); ID number and phone masked", tag: "registry",
            parameters: pageParameters + [query("name", text, "part of the name"), query("tag", text, "tag code or Chinese label"),
                                          query("building", text, "building id, or part of its name"), query("household", uuid, "household id"),
                                          query("grid", text, "grid code"), query("idNumber", text, "exact ID number (blind index)"),
                                          query("phone", text, "exact phone number (blind index)")],
            ok: (200, page(of: "Resident")), errors: [401, 403, 422])]),
        ("/api/v1/residents/{id}", ["get": operation("One resident (404 outside your scope)", tag: "registry", parameters: [path("id", uuid)],
            ok: (200, ref("Resident")), errors: [401, 403, 404])]),
        ("/api/v1/residents/{id}/unmask", ["post": operation("Show the full ID number and phone, with a reason (audited)", tag: "registry",
            parameters: [path("id", uuid)], body: object([("reason", ["type": "string", "minLength": 2, "maxLength": 200])], required: ["reason"]),
            ok: (200, object([("idNumber", text), ("phone", nullable("string"))], required: ["idNumber"])), errors: [400, 401, 403, 404, 422])]),
        ("/api/v1/residents/import", ["post": .object([
            ("summary", "Import residents from CSV (all or nothing; every problem listed with its line, the first 200)"), ("tags", ["registry"]),
            ("requestBody", ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]]),
            ("responses", .object([("200", ["description": "OK", "content": json(object([("residents", integer), ("households", integer), ("buildings", integer)]))])]
                          + errors([401, 403, 413, 422]))),
        ])]),
        ("/api/v1/residents.csv", ["get": .object([
            ("summary", "Residents as CSV (UTF-8 with BOM), masked unless unmasked=true with a reason by a role allowed to unmask; audited"), ("tags", ["registry"]),
            ("parameters", [query("name", text, "part of the name"), query("tag", text, "tag code or Chinese label"), query("building", text, "building id or name"),
                            query("grid", text, "grid code"), query("unmasked", enumeration(["true", "false"]), "full ID numbers and phones"),
                            query("reason", text, "why the full numbers are needed (with unmasked=true)")]),
            ("responses", .object([("200", ["description": "OK", "content": ["text/csv": ["schema": ["type": "string"]]]])] + errors([401, 403, 422]))),
        ])]),
        ("/api/v1/households", ["get": operation("Households in your scope by address", tag: "registry",
            parameters: pageParameters + [query("grid", text, "grid code"), query("building", uuid, "building id"), query("tag", text, "household tag")],
            ok: (200, page(of: "Household")), errors: [401, 403, 422])]),
        ("/api/v1/households/{id}", ["get": operation("One household with its members, the head first (404 outside your scope)", tag: "registry",
            parameters: [path("id", uuid)], ok: (200, ref("Household")), errors: [401, 403, 404])]),
        ("/api/v1/buildings", ["get": operation("Buildings in your scope by name", tag: "registry",
            parameters: pageParameters + [query("grid", text, "grid code"), query("name", text, "part of the name")],
            ok: (200, page(of: "Building")), errors: [401, 403, 422])]),
        ("/api/v1/resident-tags", ["get": operation("The resident tag catalogue", tag: "registry",
            ok: (200, ["type": "array", "items": ref("ResidentTag")]), errors: [401, 403])]),
        ("/api/v1/resident-tags/{code}", ["put": operation("Add or change a tag (inactive tags stay on records but are refused by imports)", tag: "registry",
            parameters: [path("code")], body: object([("chineseLabel", text), ("englishLabel", text), ("active", boolean)], required: ["chineseLabel", "englishLabel"]),
            ok: (200, ref("ResidentTag")), errors: [400, 401, 403, 422])]),
        ("/api/v1/grid-staff", [
            "get": operation("Grid members in force on grids of your division", tag: "registry", parameters: [query("grid", text, "grid code")],
                             ok: (200, ["type": "array", "items": ref("GridStaff")]), errors: [401, 403]),
            "post": operation("Assign an account to a grid (one full-time member per grid: a second is 409)", tag: "registry",
                              body: object([("gridCode", text), ("username", text), ("userId", uuid), ("role", enumeration(["fullTime", "partTime"]))],
                                           required: ["gridCode", "role"]),
                              ok: (201, ref("GridStaff")), errors: [400, 401, 403, 404, 409, 422]),
        ]),
        ("/api/v1/grid-staff/{id}/end", ["post": operation("End an assignment now", tag: "registry", parameters: [path("id", uuid)],
            ok: (200, ref("GridStaff")), errors: [401, 403, 404])]),
        ("/api/v1/rental-units", [
            "get": operation("Rental units in your scope by address", tag: "rentals",
                             parameters: pageParameters + [query("grid", text, "grid code")], ok: (200, page(of: "RentalUnit")), errors: [401, 403, 422]),
            "post": operation("Create a rental unit in a grid in force in your scope; the answer carries the landlord's link, shown once (audited)", tag: "rentals",
                              body: object([("gridCode", text), ("address", ["type": "string", "minLength": 1, "maxLength": 200]), ("buildingId", uuid),
                                            ("landlordName", ["type": "string", "minLength": 1, "maxLength": 50]), ("landlordPhone", text)],
                                           required: ["gridCode", "address", "landlordName", "landlordPhone"]),
                              ok: (201, ref("RentalUnit")), errors: [400, 401, 403, 422]),
        ]),
        ("/api/v1/rental-units/{id}", ["get": operation("One rental unit with its current tenants, masked (404 outside your scope)", tag: "rentals",
            parameters: [path("id", uuid)], ok: (200, ref("RentalUnit")), errors: [401, 403, 404])]),
        ("/api/v1/rental-units/{id}/qr.png", ["get": .object([
            ("summary", "The unit's check-in QR code as PNG (payload: {publicBaseURL}/p/checkin/{publicCode})"), ("tags", ["rentals"]),
            ("parameters", [path("id", uuid)]),
            ("responses", .object([("200", ["description": "OK", "content": ["image/png": ["schema": ["type": "string", "format": "binary"]]]])] + errors([401, 403, 404]))),
        ])]),
        ("/api/v1/rental-units/{id}/qr.svg", ["get": .object([
            ("summary", "The unit's check-in QR code as SVG"), ("tags", ["rentals"]),
            ("parameters", [path("id", uuid)]),
            ("responses", .object([("200", ["description": "OK", "content": ["image/svg+xml": ["schema": ["type": "string"]]]])] + errors([401, 403, 404]))),
        ])]),
        ("/api/v1/visit-tasks", ["get": operation("Your open visit tasks (人住即访: visit a new tenant within 24 h), the earliest due first", tag: "rentals",
            ok: (200, ["type": "array", "items": ref("VisitTask")]), errors: [401, 403])]),
        ("/api/v1/visit-tasks/{id}/done", ["post": operation("Mark one of your visit tasks done, with a note (audited)", tag: "rentals",
            parameters: [path("id", uuid)], body: object([("note", ["type": "string", "maxLength": 500])]),
            ok: (200, ref("VisitTask")), errors: [400, 401, 403, 404, 409, 422])]),
        ("/api/v1/floating-residents", ["get": operation("双重管理: current tenants registered in your division living elsewhere (outgoing), or living in your scope (incoming); masked", tag: "rentals",
            parameters: [["name": "direction", "in": "query", "required": true, "schema": enumeration(["outgoing", "incoming"])]],
            ok: (200, ["type": "array", "items": ref("FloatingResident")]), errors: [401, 403, 422])]),
    ]

    static let schemas: [(String, JSONValue)] = [
        ("Problem", object([("type", text), ("title", text), ("status", integer), ("detail", text), ("instance", text), ("requestId", text),
                            ("errors", ["type": "array", "items": object([("field", text), ("message", text)], required: ["field", "message"])])],
                           required: ["type", "title", "status", "detail"])),
        ("User", object([("id", uuid), ("username", text), ("displayName", text), ("role", enumeration(Role.allCases.map(\.rawValue))),
                         ("divisionCode", text), ("departmentId", nullable("string", format: "uuid")), ("active", boolean), ("locked", boolean),
                         ("lastLoginAt", nullable("string", format: "date-time"))], required: ["id", "username", "displayName", "role", "divisionCode", "active", "locked"])),
        ("NewUser", object([("username", text), ("displayName", text), ("password", text), ("role", enumeration(Role.allCases.map(\.rawValue))),
                            ("divisionCode", text), ("departmentCode", text)], required: ["username", "displayName", "password", "role", "divisionCode"])),
        ("Division", object([("code", text), ("name", text), ("level", enumeration(DivisionLevel.allCases.map(\.rawValue))), ("parentCode", nullable("string")),
                             ("validFrom", nullable("string", format: "date-time")), ("validTo", nullable("string", format: "date-time"))], required: ["code", "name", "level"])),
        ("AuditEntry", object([("id", uuid), ("at", dateTime), ("action", text), ("result", text), ("actorName", text), ("actorRole", nullable("string")),
                               ("divisionCode", nullable("string")), ("target", nullable("string")), ("ip", nullable("string")), ("requestId", nullable("string")),
                               ("detail", nullable("string"))], required: ["id", "at", "action", "result", "actorName"])),
        ("NewWorkOrder", object([("title", ["type": "string", "minLength": 1, "maxLength": 200]), ("description", ["type": "string", "minLength": 1, "maxLength": 4000]),
                                 ("categoryCode", text), ("channel", enumeration(LianxinCore.Channel.allCases.map(\.rawValue))),
                                 ("requestKind", enumeration(RequestKind.allCases.map(\.rawValue))), ("tier", enumeration(Tier.allCases.map(\.rawValue))),
                                 ("priority", enumeration(Priority.allCases.map(\.rawValue))), ("divisionCode", string("division code; may be left out when latitude/longitude lie inside a grid")),
                                 ("latitude", number), ("longitude", number), ("address", text), ("requesterName", text), ("requesterPhone", text),
                                 ("anonymous", boolean), ("suggestedCategoryCode", string("the category the intake desk suggested; a different choice is kept for training"))],
                                required: ["title", "description", "categoryCode"])),
        ("WorkOrder", object([("id", uuid), ("number", text), ("trackingCode", text), ("status", enumeration(WorkOrderStatus.allCases.map(\.rawValue))),
                              ("channel", text), ("requestKind", text), ("categoryCode", text), ("tier", text), ("priority", text), ("handlingLevel", text),
                              ("title", text), ("description", text), ("latitude", nullable("number")), ("longitude", nullable("number")),
                              ("address", nullable("string")), ("divisionCode", text), ("gridCode", nullable("string")), ("gridVersion", nullable("integer")), ("departmentId", nullable("string", format: "uuid")),
                              ("suggestedDepartmentId", nullable("string", format: "uuid")), ("assigneeId", nullable("string", format: "uuid")),
                              ("requesterName", nullable("string")), ("requesterPhone", nullable("string")), ("anonymous", boolean),
                              ("parentId", nullable("string", format: "uuid")), ("supervisionLevel", integer), ("overdue", boolean), ("slaPolicy", text),
                              ("clocks", ["type": "array", "items": object([("stage", text), ("startedAt", dateTime), ("dueAt", dateTime), ("warningAt", dateTime),
                                                                              ("status", enumeration(ClockStatus.allCases.map(\.rawValue))), ("running", boolean)])]),
                              ("version", integer), ("createdAt", dateTime), ("updatedAt", dateTime)],
                             required: ["id", "number", "trackingCode", "status", "title", "divisionCode", "clocks", "version", "createdAt"])),
        ("Attachment", object([("id", uuid), ("purpose", text), ("contentType", text), ("byteSize", integer), ("sha256", text),
                               ("uploader", text), ("createdAt", dateTime), ("url", nullable("string"))],
                              required: ["id", "purpose", "contentType", "byteSize", "sha256", "uploader", "createdAt"])),
        ("WorkOrderEvent", object([("sequence", integer), ("kind", enumeration(WorkOrderEventKind.allCases.map(\.rawValue))), ("from", nullable("string")),
                                   ("to", text), ("actor", text), ("actorId", nullable("string", format: "uuid")), ("at", dateTime), ("note", nullable("string"))],
                                  required: ["sequence", "kind", "to", "actor", "at"])),
        ("Transition", object([("action", enumeration(["accept", "dispatch", "redispatch", "sign", "assign", "return", "arrive", "startProgress",
                                                        "addProgressNote", "requestExtension", "approveExtension", "refuseExtension", "complete", "review",
                                                        "revisit", "reopen", "close", "merge", "shelve", "unshelve", "cancel", "pause", "resume", "remind",
                                                        "supervise", "escalate", "addInformation"])),
                               ("note", text), ("reason", text), ("departmentId", uuid), ("assigneeId", uuid), ("latitude", number), ("longitude", number),
                               ("photoIds", ["type": "array", "items": uuid]), ("extraAmount", integer),
                               ("extraUnit", enumeration(TimeLimitUnit.allCases.map(\.rawValue))), ("approved", boolean),
                               ("satisfaction", enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", boolean), ("comment", text),
                               ("parentId", uuid), ("deadline", dateTime)], required: ["action"])),
        ("Category", object([("code", text), ("name", text), ("parentCode", nullable("string")), ("defaultDepartmentCode", nullable("string")), ("slaPolicy", text)])),
        ("Department", object([("id", uuid), ("code", text), ("name", text), ("divisionCode", text)])),
        ("InboxItem", object([("id", uuid), ("kind", text), ("text", text), ("orderId", nullable("string", format: "uuid")), ("createdAt", dateTime), ("read", boolean)])),
        ("PublicOrder", object([("number", text), ("trackingCode", text), ("status", text), ("statusTitle", text), ("open", boolean), ("title", text),
                                ("category", text), ("createdAt", dateTime), ("requesterName", nullable("string")), ("requesterPhone", nullable("string")),
                                ("canEvaluate", boolean), ("history", ["type": "array", "items": object([("at", dateTime), ("kind", text), ("title", text)])])])),
        ("Whistle", object([("id", uuid), ("title", text), ("description", text), ("divisionCode", text), ("orderId", nullable("string", format: "uuid")),
                            ("requiredArrivalAt", dateTime), ("status", enumeration(["open", "closed"])), ("result", nullable("string")), ("blownAt", dateTime),
                            ("closedAt", nullable("string", format: "date-time")), ("scoringFormula", text),
                            ("departments", ["type": "array", "items": object([("departmentId", uuid), ("departmentName", text),
                                ("reportedAt", nullable("string", format: "date-time")), ("onTime", nullable("boolean")), ("workNote", nullable("string")),
                                ("score", nullable("number"))])])])),
        ("RoutingRule", object([("id", uuid), ("categoryCode", text), ("divisionCode", text), ("departmentCode", text)],
                               required: ["categoryCode", "divisionCode", "departmentCode"])),
        ("SLAPolicy", object([("code", text), ("name", text), ("englishName", text),
                              ("stages", ["type": "array", "items": ["type": "object"]])], required: ["code", "name", "stages"])),
        ("GridChangeProposal", object([("kind", enumeration(GridChangesController.kinds)), ("title", ["type": "string", "minLength": 1, "maxLength": 200]),
                                       ("reason", ["type": "string", "minLength": 2, "maxLength": 4000]), ("retiringCodes", ["type": "array", "items": text]),
                                       ("grids", ["type": "object", "description": "GeoJSON FeatureCollection of the new grids (code, name, parent)"])],
                                      required: ["kind", "title", "reason", "grids"])),
        ("GridChange", object([("id", uuid), ("divisionCode", text), ("kind", text), ("title", text), ("reason", text),
                               ("status", enumeration(["submitted", "returned", "approved", "effective", "failed", "withdrawn"])), ("round", integer),
                               ("retiringCodes", ["type": "array", "items": text]), ("proposedAt", dateTime), ("effectiveOn", nullable("string")),
                               ("appliedAt", nullable("string", format: "date-time")), ("failure", nullable("string")),
                               ("plan", object([("added", integer), ("changed", integer), ("unchanged", integer), ("retired", integer)])),
                               ("reviews", ["type": "array", "items": object([("round", integer), ("reviewer", text), ("role", text),
                                   ("departmentId", nullable("string", format: "uuid")), ("decision", text), ("comment", text), ("at", dateTime)])]),
                               ("impact", ["type": "object"])],
                              required: ["id", "divisionCode", "kind", "title", "status", "round", "retiringCodes", "proposedAt"])),
        ("Visit", object([("id", uuid), ("householdId", uuid), ("gridCode", text), ("visitor", text), ("visitedAt", dateTime),
                          ("latitude", nullable("number")), ("longitude", nullable("number")), ("note", text),
                          ("findings", ["type": "array", "items": object([("description", text), ("outcome", text), ("result", nullable("string")),
                                                                         ("orderId", nullable("string", format: "uuid")), ("orderNumber", nullable("string"))])]),
                          ("photoIds", ["type": "array", "items": uuid])],
                         required: ["id", "householdId", "gridCode", "visitor", "visitedAt", "note", "findings", "photoIds"])),
        ("GridCluster", object([("id", uuid), ("code", text), ("name", text), ("divisionCode", text), ("gridCodes", ["type": "array", "items": text]),
                                ("leaderId", nullable("string", format: "uuid"))], required: ["id", "code", "name", "divisionCode", "gridCodes"])),
        ("Pairing", object([("id", uuid), ("kind", enumeration(PairingsController.kinds)), ("personName", text), ("personId", nullable("string", format: "uuid")),
                            ("target", text), ("divisionCode", text), ("validFrom", dateTime), ("validTo", nullable("string", format: "date-time"))],
                           required: ["id", "kind", "personName", "target", "divisionCode", "validFrom"])),
        ("ClassifierModel", object([("version", integer), ("createdAt", dateTime), ("source", text), ("exampleCount", integer),
                                    ("labels", ["type": "array", "items": text]), ("macroF1", nullable("number")), ("sha256", text), ("size", integer),
                                    ("disabled", boolean)], required: ["version", "createdAt", "source", "exampleCount", "labels", "sha256", "size", "disabled"])),
        ("ClassifierStatus", object([("version", integer), ("source", text), ("createdAt", dateTime), ("trainingExampleCount", integer),
                                     ("featureCount", integer), ("labels", ["type": "array", "items": text]),
                                     ("rejected", ["type": "array", "items": object([("version", integer), ("reason", text)])]),
                                     ("corrections", integer), ("models", ["type": "array", "items": ref("ClassifierModel")])],
                                    required: ["version", "source", "labels", "rejected", "corrections", "models"])),
        ("HotspotSettings", object([("detection", object([("radiusMeters", number), ("minimumOrders", integer), ("windowHours", number),
                                                          ("separatesCategories", boolean), ("trendThreshold", number), ("sampleSize", integer)],
                                                         required: ["radiusMeters", "minimumOrders", "windowHours", "separatesCategories", "trendThreshold", "sampleSize"])),
                                    ("intervalMinutes", integer)], required: ["detection", "intervalMinutes"])),
        ("HotspotRun", object([("id", uuid), ("windowEnd", dateTime), ("finishedAt", nullable("string", format: "date-time")), ("orderCount", integer),
                               ("hotspotCount", integer), ("durationMs", number), ("parameters", ref("HotspotSettings"))],
                              required: ["id", "windowEnd", "orderCount", "hotspotCount", "durationMs"])),
        ("Hotspot", object([("id", uuid), ("runId", uuid), ("divisionCode", text), ("divisionName", text), ("mainDivisionCode", text),
                            ("latitude", number), ("longitude", number), ("radiusMeters", number), ("orderCount", integer), ("previousCount", integer),
                            ("trend", enumeration(["rising", "steady", "falling"])), ("categoryCode", text), ("categoryName", text),
                            ("categories", ["type": "array", "items": object([("code", text), ("name", text), ("count", integer)])]),
                            ("firstAt", dateTime), ("lastAt", dateTime), ("windowHours", number), ("explanation", text),
                            ("status", enumeration(["open", "tasked", "dismissed"])), ("taskOrderId", nullable("string", format: "uuid")),
                            ("note", nullable("string")),
                            ("samples", ["type": "array", "items": object([("orderId", uuid), ("number", text), ("title", text), ("status", text), ("createdAt", dateTime)])])],
                           required: ["id", "divisionCode", "orderCount", "trend", "categoryCode", "explanation", "status"])),
        ("DepartmentScore", object([("departmentId", uuid), ("departmentName", text), ("whistles", integer), ("scored", integer),
                                    ("averageScore", nullable("number")), ("onTimeReports", integer)])),
        ("Resident", object([("id", uuid), ("householdId", uuid), ("buildingId", uuid), ("buildingName", text), ("door", text), ("gridCode", text),
                             ("communityCode", text), ("name", text), ("gender", enumeration(["male", "female"])), ("birthDate", ["type": "string", "format": "date"]),
                             ("idNumber", string("masked: first 6 and last 4 characters")), ("phone", nullable("string")),
                             ("relation", enumeration(HouseholdRelation.allCases.map(\.rawValue))), ("tags", ["type": "array", "items": text]),
                             ("registrationDivision", nullable("string")), ("residenceType", enumeration(["permanent", "floating"])),
                             ("createdAt", dateTime), ("updatedAt", dateTime)],
                            required: ["id", "householdId", "buildingId", "gridCode", "communityCode", "name", "gender", "birthDate", "idNumber", "relation", "tags", "residenceType"])),
        ("Household", object([("id", uuid), ("buildingId", uuid), ("buildingName", text), ("door", text), ("address", text), ("gridCode", text),
                              ("communityCode", text), ("headResidentId", nullable("string", format: "uuid")), ("tags", ["type": "array", "items": text]),
                              ("members", ["type": "array", "items": ref("Resident")])],
                             required: ["id", "buildingId", "door", "address", "gridCode", "communityCode", "tags"])),
        ("Building", object([("id", uuid), ("gridCode", text), ("communityCode", text), ("name", text),
                             ("kind", enumeration(["residential", "mixed", "commercial", "bungalow", "other"]))], required: ["id", "gridCode", "communityCode", "name", "kind"])),
        ("ResidentTag", object([("code", text), ("chineseLabel", text), ("englishLabel", text), ("active", boolean)],
                               required: ["code", "chineseLabel", "englishLabel", "active"])),
        ("Tenant", object([("id", uuid), ("name", string("masked")), ("idNumber", string("masked: first 6 and last 4 characters")), ("phone", string("masked")),
                           ("gender", enumeration(["male", "female"])), ("registrationDivision", text), ("movedIn", ["type": "string", "format": "date"]),
                           ("movedOut", nullable("string", format: "date"))], required: ["id", "name", "idNumber", "phone", "registrationDivision", "movedIn"])),
        ("RentalUnit", object([("id", uuid), ("publicCode", text), ("checkInUrl", text), ("address", text), ("buildingId", nullable("string", format: "uuid")),
                               ("gridCode", text), ("communityCode", text), ("landlordName", text), ("landlordPhone", string("masked")), ("active", boolean),
                               ("createdAt", dateTime), ("landlordLink", string("only when created: the landlord's page, shown once")),
                               ("currentTenants", ["type": "array", "items": ref("Tenant")])],
                              required: ["id", "publicCode", "checkInUrl", "address", "gridCode", "communityCode", "landlordName", "landlordPhone", "active", "createdAt"])),
        ("VisitTask", object([("id", uuid), ("kind", enumeration(["newTenant"])), ("gridCode", text), ("dueAt", dateTime), ("overdue", boolean),
                              ("doneAt", nullable("string", format: "date-time")), ("note", nullable("string")), ("tenancyId", nullable("string", format: "uuid")),
                              ("tenantName", nullable("string")), ("address", nullable("string")), ("movedIn", nullable("string", format: "date"))],
                             required: ["id", "kind", "gridCode", "dueAt", "overdue"])),
        ("FloatingResident", object([("name", string("masked")), ("idNumber", string("masked")), ("registrationDivision", text), ("registrationDivisionName", text),
                                     ("communityCode", text), ("communityName", text), ("since", ["type": "string", "format": "date"]),
                                     ("tenancyId", uuid), ("gridCode", text), ("address", text)],
                                    required: ["name", "idNumber", "registrationDivision", "communityCode", "since"])),
        ("GridStaff", object([("id", uuid), ("gridCode", text), ("userId", uuid), ("username", text), ("displayName", text),
                              ("role", enumeration(["fullTime", "partTime"])), ("validFrom", dateTime), ("validTo", nullable("string", format: "date-time"))],
                             required: ["id", "gridCode", "userId", "username", "role", "validFrom"])),
    ]

    /// The document as served.
    static func response(for req: Request) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
    }
}
