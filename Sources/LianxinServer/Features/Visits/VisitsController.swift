import Vapor
import Fluent
import Crypto
import LianxinCore

/// 走访: each grid member's visits due today (by the visit rules, most urgent first), the visit
/// record with its photos and findings — each either handled on the spot (自办) or filed as a work order with
/// channel `gridPatrol` — and coverage per grid and community for the dashboards.
struct VisitsController: RouteCollection {
    /// A photo's size cap plus room for a multipart envelope.
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, "visits", "photos", body: .collect(maxSize: maxBody), use: uploadPhoto)
        api.get("visits", "photos", ":id", use: photo)
        api.get("visits", "due", use: due)
        api.get("visits", use: list)
        api.post("visits", use: record)
        api.get("visit-coverage", use: coverage)
        api.get("visit-rules", use: rules)
        api.put("visit-rules", ":tag", use: putRule)
    }
}
