import Vapor

/// The size limits of imports (`LianxinSettings.exposure`): a CSV of at most `importCSVBytes` and
/// `importCSVRows` data rows, a GeoJSON of at most `importGeoJSONBytes` and `importGeoJSONVertices`.
/// Over a limit: 413 naming it, under the field `/file` (or `/features`).
enum ImportLimits {
    /// A route body limit of `bytes`; a declared `Content-Length` above it is refused before the
    /// body is read, with the limit named (a body without one still stops at `bytes`).
    struct SizeCheck: AsyncMiddleware {
        let bytes: Int

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > bytes {
                throw ImportLimits.tooLarge(bytes, InputValidator(request))
            }
            return try await next.respond(to: request)
        }
    }

    static func tooLarge(_ bytes: Int, _ texts: InputValidator, field: String = "/file") -> Problem {
        let message = texts.message("px_import_too_large", ["mb": String(bytes / 1_048_576)])
        return Problem(
            .payloadTooLarge, type: "import-too-large", title: "Import too large", detail: message, errors: [.init(field: field, message: message)])
    }

    /// Refuses a CSV with more than `limit` data rows (lines after the header).
    static func checkRows(_ text: String, limit: Int, _ texts: InputValidator) throws {
        var lines = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") { lines += 1 }
        if let last = text.utf8.last, last != UInt8(ascii: "\n") { lines += 1 }
        guard lines - 1 <= limit else {
            let message = texts.message("px_import_too_many_rows", ["rows": String(limit)])
            throw Problem(
                .payloadTooLarge, type: "import-too-large", title: "Import too large", detail: message,
                errors: [.init(field: "/file", message: message)])
        }
    }

    /// Refuses polygons with more than `limit` vertices in all.
    static func checkVertices(_ count: Int, limit: Int, _ texts: InputValidator) throws {
        guard count <= limit else {
            let message = texts.message("px_import_too_many_vertices", ["limit": String(limit), "count": String(count)])
            throw Problem(
                .payloadTooLarge, type: "import-too-large", title: "Import too large", detail: message,
                errors: [.init(field: "/features", message: message)])
        }
    }
}
