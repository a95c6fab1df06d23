import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Open311 GeoReport v2 at /open311/v2: discovery, services, service definitions, filing requests
/// (through the normal intake: validation, routing, numbers, SLA clocks), tokens and request
/// status, each in `.json` and `.xml`. Filing needs an `api_key` (query or form) and is rate-limited
/// per key; reading is public but shows only requests their residents made public
/// (`PublicationRule`), redacted (`PIIRedactor`), placed to about 100 m, keyset-paged.
struct Open311Controller: RouteCollection {
    static let specification = "http://wiki.open311.org/GeoReport_v2"

    /// The largest filing body read (a `media` photo at the public photo limit plus the form).
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

    // MARK: Resources

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
        /// An extension: `false` keeps the request out of public reads.
        var `public`: String?

        var fields: [String: String] {
            let pairs: [(String, String?)] = [
                ("api_key", api_key), ("jurisdiction_id", jurisdiction_id), ("service_code", service_code), ("lat", lat), ("long", long),
                ("address_string", address_string), ("address_id", address_id), ("email", email), ("device_id", device_id),
                ("account_id", account_id), ("first_name", first_name), ("last_name", last_name), ("phone", phone),
                ("description", description), ("media_url", media_url), ("public", `public`),
            ]
            return pairs.reduce(into: [:]) { if let value = $1.1 { $0[$1.0] = value } }
        }
    }

    // MARK: Reading

}
