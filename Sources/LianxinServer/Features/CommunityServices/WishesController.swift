import Vapor
import Fluent
import Crypto
import LianxinCore

/// 微心愿: posted for a resident by staff, claimed once (by a volunteer, party member, unit or caring merchant),
/// fulfilled with a photo, confirmed for the resident — which earns a claiming volunteer the wish points. The
/// public wall shows wishes with the resident's name masked.
struct WishesController: RouteCollection {
    /// The longest photo body read (the photo limit plus a multipart envelope).
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("wishes", use: list)
        api.post("wishes", use: post)
        api.get("wishes", ":id", use: show)
        api.post("wishes", ":id", "claim", use: claim)
        api.on(.POST, "wishes", ":id", "fulfilment", body: .collect(maxSize: maxBody), use: fulfil)
        api.get("wishes", ":id", "photo", use: photo)
        api.post("wishes", ":id", "confirmation", use: confirm)
        api.post("wishes", ":id", "withdrawal", use: withdraw)
        api.get("public", "wishes", use: wall)
    }
}
