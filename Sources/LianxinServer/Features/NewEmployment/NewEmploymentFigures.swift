import Vapor
import Fluent
import LianxinCore

/// The workers and the figures a county leader reads at a glance: workers by stage, platform and team with their
/// 随手拍 reports, reports by month, by division, and the tuition subsidies.
struct NewEmploymentFigures: Content {
    struct WorkerLine: Content {
        var id: String
        var name: String
        var phone: String
        var platform: String
        var station: String
        var team: String
        var divisionCode: String
        var stage: String
        var tradeSince: String
        var months: Int
        var reports: Int
    }

    struct Count: Content {
        var key: String
        var workers: Int
        var reports: Int
    }

    struct Month: Content {
        var month: String
        var reports: Int
        var bar: Int
    }

    struct ApplicationLine: Content {
        var id: String
        var workerId: String
        var worker: String
        var college: String
        var programme: String
        var fees: String
        var amount: String
        var diplomaOn: String
        var monthsWorked: Int
        var status: String
        var noticeEnds: String?
        var note: String?
    }

    var year: Int
    var workers: Int
    var gridMembers: Int
    var reports: Int
    var stages: [Count]
    var platforms: [Count]
    var teams: [Count]
    var divisions: [Count]
    var months: [Month]
    var applications: [ApplicationLine]
    var subsidyApproved: String
    var list: [WorkerLine]

    static func yuan(_ fen: Int) -> String { String(format: "%d.%02d", fen / 100, fen % 100) }

    static func load(_ req: Request, principal: Principal) async throws -> NewEmploymentFigures {
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let workers = try await NewEmploymentWorker.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$name).all()
        let reports = try await NewEmploymentService.reports(of: workers, on: req.db)
        let count = { (ids: [UUID]) in ids.reduce(0) { $0 + (reports[$1]?.count ?? 0) } }
        func group(_ key: (NewEmploymentWorker) -> String) -> [Count] {
            Dictionary(grouping: workers, by: key).map { Count(key: $0.key, workers: $0.value.count, reports: count($0.value.compactMap(\.id))) }
                .sorted { ($1.reports, $0.key) < ($0.reports, $1.key) }
        }
        var months = (1...12).map { Month(month: String(format: "%04d-%02d", today.year, $0), reports: 0, bar: 0) }
        for date in reports.values.flatMap({ $0 }) {
            let day = LocalDate(date, in: ResidentIDNumber.chinaTimeZone)
            if day.year == today.year { months[day.components.month - 1].reports += 1 }
        }
        let most = max(1, months.map(\.reports).max() ?? 1)
        for index in months.indices { months[index].bar = months[index].reports * 100 / most }
        let applications = try await TuitionApplication.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$updatedAt, .descending)
            .limit(200).all()
        let names = Dictionary(workers.compactMap { w in w.id.map { ($0, w.name) } }, uniquingKeysWith: { first, _ in first })
        let cipher = req.lianxin.cipher
        return NewEmploymentFigures(
            year: today.year, workers: workers.count,
            gridMembers: workers.filter { $0.stage != GrowthStage.mostBeautiful.rawValue }.count, reports: count(workers.compactMap(\.id)),
            stages: GrowthStage.allCases.map { stage in
                let here = workers.filter { $0.stage == stage.rawValue }
                return Count(key: stage.rawValue, workers: here.count, reports: count(here.compactMap(\.id)))
            }, platforms: group(\.platform), teams: group { $0.team.isEmpty ? "-" : $0.team }, divisions: group(\.divisionCode), months: months,
            applications: applications.map { row in
                ApplicationLine(
                    id: row.id?.uuidString ?? "", workerId: row.workerID.uuidString, worker: names[row.workerID] ?? "", college: row.college,
                    programme: row.programme, fees: yuan(row.feesFen), amount: yuan(row.amountFen), diplomaOn: row.diplomaOn,
                    monthsWorked: row.monthsWorked, status: row.status, noticeEnds: row.noticeEnds, note: row.note)
            },
            subsidyApproved: yuan(applications.filter { $0.status == TuitionSubsidy.Status.approved.rawValue }.reduce(0) { $0 + $1.amountFen }),
            list: workers.map { row in
                WorkerLine(
                    id: row.id?.uuidString ?? "", name: row.name,
                    phone: PersonalDataMask.phone((try? cipher.open(row.phoneCipher, for: .newEmploymentPhone, row: row.id ?? UUID())) ?? ""),
                    platform: row.platform, station: row.station, team: row.team, divisionCode: row.divisionCode, stage: row.stage,
                    tradeSince: row.tradeSince, months: NewEmploymentService.months(since: row.tradeSince, to: today),
                    reports: reports[row.id ?? UUID()]?.count ?? 0)
            })
    }
}
