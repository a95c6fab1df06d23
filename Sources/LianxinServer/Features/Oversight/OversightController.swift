import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/oversight/…` (小微权力监督): the discipline commission's confidential reports, their counts for leaders, and
/// the inspection groups' handovers.
struct OversightController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "oversight")
        api.get("reports", use: reports)
        api.get("reports", ":id", use: report)
        api.get("reports", ":id", "contact", use: contact)
        api.post("reports", ":id", "actions", use: actOnReport)
        api.get("report-figures", use: reportFigures)
        api.get("handovers", use: handovers)
        api.post("handovers", use: fileHandover)
        api.post("handovers", ":id", "actions", use: actOnHandover)
    }

    struct Created: Content {
        var id: String
        var status: String?
    }

    struct ReportLine: Content {
        var id: String
        var trackingCode: String
        var place: String
        var official: String
        var what: String
        var happenedOn: String
        var firstTime: Bool
        var status: String
        var statusCode: String
        var finding: String
        var reply: String
        var note: String
        var handler: String
        /// The reporter's name and phone, masked; the full ones only through `/contact` by the handler.
        var reporterName: String
        var reporterPhone: String
        var mine: Bool
        var receivedAt: String
    }

    struct Contact: Content {
        var name: String
        var phone: String
    }

    func reports(req: Request) async throws -> [ReportLine] {
        let principal = try await ConductReportService.inspector(req)
        let rows = try await ConductReport.query(on: req.db).within(\.$divisionCode, principal.division).sort(\.$createdAt, .descending)
            .limit(500).all()
        let names = try await ConductReportLines.names(req, rows.map(\.divisionCode))
        return rows.map { ConductReportLines.line($0, req, principal: principal, names: names) }
    }

    func report(req: Request) async throws -> ReportLine {
        let principal = try await ConductReportService.inspector(req)
        let row = try await ConductReportService.report(req.parameters.get("id"), principal, req)
        try await req.auditDisclosure(
            .conductReportViewed, target: "conduct-report:\(row.id?.uuidString ?? "")", recordDivision: row.divisionCode, detail: nil)
        return ConductReportLines.line(row, req, principal: principal, names: try await ConductReportLines.names(req, [row.divisionCode]))
    }

    func contact(req: Request) async throws -> Contact {
        let principal = try await ConductReportService.inspector(req)
        let row = try await ConductReportService.report(req.parameters.get("id"), principal, req)
        let found = try await ConductReportService(req: req).contact(row, by: principal)
        return Contact(name: found.name, phone: found.phone)
    }

    func actOnReport(req: Request) async throws -> Created {
        let principal = try await ConductReportService.inspector(req)
        let row = try await ConductReportService.report(req.parameters.get("id"), principal, req)
        try await ConductReportService(req: req).act(row, try req.content.decode(ConductReportService.ActionInput.self), by: principal)
        return Created(id: try row.requireID().uuidString, status: row.status)
    }

    func reportFigures(req: Request) async throws -> ConductFigures {
        try await ConductFigures.load(req, principal: try await req.require(.viewConductFigures))
    }

    func handovers(req: Request) async throws -> HandoverFigures {
        try await HandoverFigures.load(req, principal: try await req.require(.viewHandovers))
    }

    func fileHandover(req: Request) async throws -> Response {
        let principal = try await req.require(.runInspections)
        let row = try await HandoverService(req: req, principal: principal).file(try req.content.decode(HandoverService.HandoverInput.self))
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func actOnHandover(req: Request) async throws -> Created {
        let principal = try await req.require(.viewHandovers)
        let row = try await HandoverService.handover(req.parameters.get("id"), principal, req)
        try await HandoverService(req: req, principal: principal).act(row, try req.content.decode(HandoverService.ActionInput.self))
        return Created(id: try row.requireID().uuidString, status: row.status)
    }
}
