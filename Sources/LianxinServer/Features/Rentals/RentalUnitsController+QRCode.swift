import Vapor
import Fluent
import LianxinCore

/// The unit's check-in QR code as PNG and SVG.
extension RentalUnitsController {
    func png(req: Request) async throws -> Response {
        let code = try await Self.qrCode(req)
        return Response(
            status: .ok, headers: ["Content-Type": "image/png", "Cache-Control": "no-store"], body: .init(data: code.png(scale: 8, quietZone: 4)))
    }

    func svg(req: Request) async throws -> Response {
        let code = try await Self.qrCode(req)
        return Response(
            status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: code.svg(moduleSize: 8, quietZone: 4)))
    }

    static func qrCode(_ req: Request) async throws -> QRCode {
        let unit = try await find(req)
        return try QRCode(encoding: RentalUnitDTO.checkInURL(unit.publicCode, baseURL: req.lianxin.settings.publicBaseURL), correction: .medium)
    }
}
