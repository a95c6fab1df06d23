import Vapor
import Fluent
import LianxinCore

/// An activity's check-in QR code, drawn by `LianxinCore.QRCode` on the activities page and ready to print: staff
/// no longer make their own from the link.
extension CommunityPagesController {
    func activityQRCode(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let activity = try await CommunityScope.limit(Activity.query(on: req.db), to: principal).filter(\.$id == id).first()
        else {
            throw await req.outOfScope("activity", target: "activity:\(req.parameters.get("id") ?? "")")
        }
        let base = req.lianxin.settings.publicBaseURL
        let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/p/activity/" + activity.checkinCode
        let code = try QRCode(encoding: url, correction: .medium)
        return Response(
            status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: code.svg(moduleSize: 6, quietZone: 4)))
    }
}
