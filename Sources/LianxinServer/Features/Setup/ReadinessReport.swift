import Fluent
import Foundation
import LianxinCore

/// The readiness findings as people read them: one sentence each in the page's language and the
/// page where it is fixed.
struct ReadinessReport: Sendable {
    struct Line: Codable, Sendable {
        let check: String
        let severity: String
        let subject: String
        let message: String
        /// The page where this is fixed.
        let link: String
        let linkLabel: String
    }

    let ready: Bool
    let lines: [Line]

    /// At most this many township names are listed in one routing sentence.
    static let placesShown = 8

    /// The report of `root`'s subtree.
    static func make(within root: DivisionCode, on db: any Database, localizer: Localizer, language: Localizer.Language) async throws
        -> ReadinessReport
    {
        let facts = try await ReadinessQueries.facts(within: root, on: db)
        let findings = Readiness.findings(facts)
        var unitIDs: [String: String] = [:]
        for unit in try await Department.query(on: db).filter(\.$code ~~ findings.filter { $0.check == .liaison }.map(\.subject)).all() {
            unitIDs[unit.code] = unit.id?.uuidString
        }
        let townships = facts.townships.count
        return ReadinessReport(
            ready: Readiness.isReady(findings),
            lines: findings.map { line($0, townships: townships, unitIDs: unitIDs, localizer: localizer, language: language) })
    }

    static func line(
        _ finding: Readiness.Finding, townships: Int, unitIDs: [String: String], localizer: Localizer, language: Localizer.Language
    ) -> Line {
        func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
            arguments.reduce(localizer.text(key, language)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        let separator = language == .zhCN ? "、" : ", "
        let message: String
        let link: String
        switch finding.check {
        case .divisions:
            (message, link) = (text("readiness_divisions"), "/setup#divisions")
        case .units:
            (message, link) = (text("readiness_units"), "/admin/units/new")
        case .catalogue:
            (message, link) = (text("readiness_catalogue"), "/admin/catalogue")
        case .routing:
            let places =
                finding.places.count == townships && townships > 1
                ? text("readiness_places_all", ["count": String(townships)])
                : finding.places.prefix(placesShown).joined(separator: separator)
                    + (finding.places.count > placesShown
                        ? text("readiness_places_more", ["count": String(finding.places.count - placesShown)]) : "")
            message = text("readiness_routing", ["name": finding.subjectName, "places": places])
            link = "/admin/catalogue/roles"
        case .liaison:
            message = text("readiness_liaison", ["name": finding.subjectName])
            link = unitIDs[finding.subject].map { "/admin/units/\($0)" } ?? "/admin/units"
        case .unitHandler:
            (message, link) = (text("readiness_unit_handler", ["name": finding.subjectName]), "/admin/users/import")
        case .accounts:
            message = text("readiness_accounts", ["role": localizer.text("role_\(finding.subject)", language)])
            link = "/admin/users/import"
        case .grids:
            (message, link) = (text("readiness_grids"), "/admin/rules#grids")
        case .gridMember:
            message = text("readiness_grid_member", ["name": finding.subjectName])
            link = "/grid-map/\(finding.subject)/staff"
        case .calendar:
            message = text(finding.severity == .blocker ? "readiness_calendar_this_year" : "readiness_calendar_next_year", ["year": finding.subject])
            link = "/admin/rules#calendar"
        }
        return Line(
            check: finding.check.rawValue, severity: finding.severity.rawValue, subject: finding.subject, message: message, link: link,
            linkLabel: text("readiness_fix_\(finding.check.rawValue)"))
    }
}
