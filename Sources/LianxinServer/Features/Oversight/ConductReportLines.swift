import Fluent
import Foundation
import LianxinCore
import Vapor

/// A confidential report as the discipline inspector's list and page show it (contacts masked), shared by the API and
/// the pages.
enum ConductReportLines {
    static func line(_ row: ConductReport, _ req: Request, principal: Principal, names: [String: String]) -> OversightController.ReportLine {
        let masked = ConductReportService(req: req).maskedContact(row)
        return OversightController.ReportLine(
            id: row.id?.uuidString ?? "", trackingCode: row.trackingCode, place: names[row.divisionCode] ?? row.divisionCode,
            official: row.official, what: row.what, happenedOn: row.happenedOn ?? "", firstTime: row.firstTime,
            status: req.t("ov_status_\(row.status)"), statusCode: row.status,
            finding: row.finding.map { req.t("ov_finding_\($0)") } ?? "", reply: row.reply ?? "", note: row.note ?? "",
            handler: row.handlerName ?? "", reporterName: masked.name, reporterPhone: masked.phone, mine: row.handlerID == principal.userID,
            receivedAt: WorkbenchLookup.beijing(row.createdAt))
    }

    static func names(_ req: Request, _ codes: [String]) async throws -> [String: String] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(
            try await Division.query(on: req.db).filter(\.$id ~~ unique).all().compactMap { row in row.id.map { ($0, row.name) } }
        ) { a, _ in a }
    }

}
