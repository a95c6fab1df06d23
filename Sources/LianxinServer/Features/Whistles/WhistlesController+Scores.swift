import Vapor
import Fluent
import LianxinCore

/// The monthly scores per department (一哨一评 rolled up).
extension WhistlesController {
    struct DepartmentScore: Content {
        var departmentId: UUID
        var departmentName: String
        var whistles: Int
        var scored: Int
        var averageScore: Double?
        var onTimeReports: Int
    }

    /// Scores rolled up per department for a month (`month=YYYY-MM`, China time), within the caller's scope.
    func monthlyScores(req: Request) async throws -> [DepartmentScore] {
        let principal = try await req.require(.viewWorkOrders)
        guard let month = req.query[String.self, at: "month"], let start = ISODay.parse(month + "-01") else {
            throw Problem.invalid(field: "month", "a month as YYYY-MM / 月份格式应为 YYYY-MM")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ISODay.chinaTimeZone
        let end = calendar.date(byAdding: .month, value: 1, to: start)!
        let whistles = try await WhistleQueries.blown(within: principal.division, from: start, to: end, on: req.db)
        let byID = whistles.reduce(into: [UUID: Whistle]()) { $0[$1.id!] = $1 }
        let summons = try await WhistleQueries.summons(of: Array(byID.keys), on: req.db)
        let names = try await Department.query(on: req.db).all().reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        let scores: [DepartmentScore] = Dictionary(grouping: summons, by: \.departmentID).map { department, rows in
            let marks: [Double] = rows.compactMap(\.score)
            let onTime = rows.filter { row in
                guard let reported = row.reportedAt, let whistle = byID[row.whistleID] else { return false }
                return reported <= whistle.requiredArrivalAt
            }.count
            let average: Double? = marks.isEmpty ? nil : (marks.reduce(0, +) / Double(marks.count) * 10).rounded() / 10
            return DepartmentScore(
                departmentId: department, departmentName: names[department] ?? "", whistles: rows.count,
                scored: marks.count, averageScore: average, onTimeReports: onTime)
        }
        return scores.sorted { ($0.averageScore ?? -1, $1.departmentName) > ($1.averageScore ?? -1, $0.departmentName) }
    }
}
