import Fluent
import LianxinCore
import Vapor

/// The installable field app for grid members and handlers (外勤, issue 21): one phone page (`/field/app`), its web
/// app manifest and service worker, and the data pack the phone keeps for when there is no signal — today's visits
/// due with their households and the orders of the person's unit with their photos. What is done on the phone goes
/// to its outbox and is sent with idempotency keys to `POST /api/v1/visits` and `POST /api/v1/outbox`.
struct FieldAppController: RouteCollection {
    /// The most households and orders a phone keeps; photos per order.
    static let visitLimit = 100
    static let orderLimit = 50
    static let photosPerOrder = 4

    func boot(routes: any RoutesBuilder) throws {
        let field = routes.grouped("field")
        field.get("app", use: app)
        field.get("manifest.webmanifest", use: manifest)
        field.get("sw.js", use: serviceWorker)
        routes.grouped("api", "v1", "field").get("pack", use: pack)
    }

    /// How much the phone's outbox keeps: steps and visits waiting, and the bytes of their photos.
    static let outboxItems = 50
    static let outboxBytes = 30 * 1_024 * 1_024

    struct AppModel: Encodable, Sendable {
        let canVisit: Bool
        let hasUnit: Bool
        let maxPhotoBytes: Int
        let maxItems: Int
        let maxBytes: Int
        /// Patrols (巡查): whether the person patrols, and the phone's recording rule and time limit.
        let canPatrol: Bool
        let patrolEvery: Int
        let patrolMetres: Int
        let patrolMaxHours: Int
    }

    /// The app's page: the shell only; the data comes from the pack (or the phone's copy of it).
    func app(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let model = AppModel(
            canVisit: principal.role.can(.recordVisits) && principal.role.can(.viewResidents), hasUnit: principal.departmentID != nil,
            maxPhotoBytes: req.lianxin.settings.maxUploadBytes, maxItems: Self.outboxItems, maxBytes: Self.outboxBytes,
            canPatrol: principal.role.can(.recordPatrols), patrolEvery: Int(PatrolTrack.recordEvery),
            patrolMetres: Int(PatrolTrack.recordAfterMetres),
            patrolMaxHours: Int(PatrolTrack.maximumDuration / 3_600))
        return try await req.page("field/app", title: "offline_app_title", model: model)
    }

    /// The web app manifest, worded from the locale files.
    func manifest(req: Request) async throws -> Response {
        let body: JSONValue = [
            "name": .string(req.t("offline_app_name")), "short_name": .string(req.t("offline_app_short_name")),
            "lang": .string(req.language.rawValue), "start_url": "/field/app", "scope": "/field/", "display": "standalone",
            "background_color": "#ffffff", "theme_color": "#b71c1c",
            "icons": [["src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"]],
        ]
        let response = Response(status: .ok, body: .init(data: try JSONEncoder().encode(body)))
        response.headers.replaceOrAdd(name: .contentType, value: "application/manifest+json")
        return response
    }

    /// The service worker, served from `/field/` so that its scope is the app.
    func serviceWorker(req: Request) async throws -> Response {
        let path = req.application.directory.publicDirectory + "js/field-sw.js"
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem.notFound("file") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/javascript; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }
}
