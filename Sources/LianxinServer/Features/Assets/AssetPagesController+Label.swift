import Fluent
import LianxinCore
import Vapor

/// An asset's plate label: a QR code (our own `LianxinCore.QRCode`, as SVG ready to print) of the residents' report
/// page with the asset named, so a resident who scans the plate reports that asset without typing its code.
extension AssetPagesController {
    /// The public address the plate's code opens.
    static func reportURL(_ code: String, baseURL: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/p/report?asset=" + code
    }

    func label(req: Request) async throws -> Response {
        let principal = try await req.require(.viewAssets)
        let asset = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        let code = try QRCode(encoding: Self.reportURL(asset.code, baseURL: req.lianxin.settings.publicBaseURL), correction: .medium)
        return Response(
            status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: code.svg(moduleSize: 6, quietZone: 4)))
    }
}
