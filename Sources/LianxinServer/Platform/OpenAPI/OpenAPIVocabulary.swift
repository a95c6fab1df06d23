import Vapor

/// The words /openapi.json is written in: operations, schemas, parameters, problem responses.
/// Each feature's `<Area>OpenAPI` adopts it, so its description reads as the document does.
protocol OpenAPIVocabulary {}

extension OpenAPIVocabulary {
    static func string(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    static func nullable(_ type: String, format: String? = nil) -> JSONValue {
        format.map { ["type": [.string(type), "null"], "format": .string($0)] } ?? ["type": [.string(type), "null"]]
    }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static var uuid: JSONValue { ["type": "string", "format": "uuid"] }
    static var dateTime: JSONValue { ["type": "string", "format": "date-time"] }
    static var integer: JSONValue { ["type": "integer"] }
    static var number: JSONValue { ["type": "number"] }
    static var boolean: JSONValue { ["type": "boolean"] }
    static var text: JSONValue { ["type": "string"] }

    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(pairs)
    }

    static func page(of item: String) -> JSONValue {
        object([("items", ["type": "array", "items": ref(item)]), ("nextCursor", nullable("string"))], required: ["items"])
    }

    static func json(_ schema: JSONValue) -> JSONValue { ["application/json": ["schema": schema]] }

    static var problem: JSONValue { ["application/problem+json": ["schema": ref("Problem")]] }

    static func errors(_ codes: [Int]) -> [(String, JSONValue)] {
        codes.map { (String($0), ["description": .string(HTTPResponseStatus(statusCode: $0).reasonPhrase), "content": problem]) }
    }

    static func operation(
        _ summary: String, tag: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
        ok: (Int, JSONValue?), errors codes: [Int] = [401, 403], secured: Bool = true
    ) -> JSONValue {
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
        let purpose = enumeration(PhotoUploads.purposes.sorted())
        var pairs: [(String, JSONValue)] = [
            ("summary", .string(summary)), ("tags", [.string(tag)]),
            ("parameters", .array(parameters + [query("purpose", purpose, "why the photo is added")])),
            (
                "requestBody",
                [
                    "required": true,
                    "content": [
                        "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                        "image/png": ["schema": ["type": "string", "format": "binary"]],
                        "multipart/form-data": [
                            "schema": object([("file", ["type": "string", "format": "binary"]), ("purpose", purpose)], required: ["file"])
                        ],
                    ],
                ]
            ),
            (
                "responses",
                .object(
                    [("201", ["description": "Created", "content": json(ref("Attachment"))])]
                        + errors(([400, 413, 415, 422] + codes).sorted()))
            ),
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

    static var pageParameters: [JSONValue] {
        [
            query("limit", ["type": "integer", "minimum": 1, "maximum": 500], "page size (default 50)"),
            query("cursor", text, "nextCursor of the previous page"),
        ]
    }
}
