import Vapor
import Fluent
import Crypto
import LianxinCore

/// Days and the visit's API form.
extension VisitsController {
    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = VisitPolicy.chinaCalendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    static func dto(_ visit: Visit, photoIDs: [UUID]) throws -> VisitDTO {
        VisitDTO(
            id: try visit.requireID(), householdId: visit.householdID, gridCode: visit.gridCode, visitor: visit.visitorName,
            visitedAt: visit.visitedAt, latitude: visit.latitude, longitude: visit.longitude, note: visit.note,
            findings: (try? JSONDecoder().decode([Finding].self, from: Data(visit.findings.utf8))) ?? [], photoIds: photoIDs)
    }
}
