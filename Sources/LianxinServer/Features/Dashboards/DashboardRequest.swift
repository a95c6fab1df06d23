import Vapor
import Fluent
import LianxinCore

/// The cut a request asks for, checked against the principal's scope: `division` (default the user's own; outside
/// it answers 404), `grid`, `period` (a kind with `date`, or a label such as `2026-09`, `2026-Q3`,
/// `2026-09-01..2026-09-15`), `department`, `category`, `channel`, `requestKind`. Department staff see only their
/// own unit's orders.
struct DashboardRequest {
    let principal: Principal
    var cut: RollupCut
    var division: DivisionCode

    static func parse(_ req: Request, principal: Principal, defaultKind: PeriodKind = .month) async throws -> DashboardRequest {
        let now = req.lianxin.now()
        let period = try parsePeriod(req, now: now, defaultKind: defaultKind)
        var division = principal.division
        if let text = req.query[String.self, at: "division"], !text.isEmpty {
            guard let code = DivisionCode(text) else { throw Problem.invalid(field: "division", "not a division code / 区划代码无效") }
            guard principal.canSee(code) else { throw await req.outOfScope("division", target: "division:\(code.value)") }
            guard try await Division.find(code.value, on: req.db) != nil else { throw Problem.notFound("division") }
            division = code
        }
        var cut = RollupCut(period: period, division: division)
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty {
            guard let row = try await Grid.query(on: req.db).filter(\.$code == grid).first(),
                principal.canSee(divisionCode: row.communityCode)
            else {
                throw await req.outOfScope("grid", target: "grid:\(grid)")
            }
            cut.grid = grid
        }
        if principal.role.requiresDepartment {
            cut.departmentIDs = principal.departmentID.map { [$0] } ?? []
        }
        if let text = req.query[String.self, at: "department"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "department", "not a department id / 部门编号无效") }
            if let own = cut.departmentIDs, !own.contains(id) { throw await req.outOfScope("department", target: "department:\(id)") }
            cut.departmentIDs = [id]
        }
        if let text = req.query[String.self, at: "category"], !text.isEmpty {
            guard text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw Problem.invalid(field: "category", "a category code (digits) / 分类编码无效")
            }
            cut.categoryPrefix = text
        }
        if let text = req.query[String.self, at: "channel"], !text.isEmpty {
            cut.channels = try text.split(separator: ",").map { name in
                guard let channel = LianxinCore.Channel(rawValue: String(name)) else {
                    throw Problem.invalid(field: "channel", "choose one of the options offered / 请从给出的选项中选择")
                }
                return channel
            }
        }
        if let text = req.query[String.self, at: "requestKind"], !text.isEmpty {
            cut.requestKinds = try text.split(separator: ",").map { name in
                guard let kind = RequestKind(rawValue: String(name)) else {
                    throw Problem.invalid(field: "requestKind", "choose one of the options offered / 请从给出的选项中选择")
                }
                return kind
            }
        }
        return DashboardRequest(principal: principal, cut: cut, division: division)
    }

    /// `period` and `date`: a kind and a day in it (default today, Beijing), or a period label.
    static func parsePeriod(_ req: Request, now: Date, defaultKind: PeriodKind) throws -> Period {
        let text = req.query[String.self, at: "period"] ?? ""
        let dateText = req.query[String.self, at: "date"]
        if let kind = text.isEmpty ? defaultKind : PeriodKind(rawValue: text) {
            guard kind != .custom else {
                throw Problem.invalid(field: "period", "a custom period is written first..last, e.g. 2026-09-01..2026-09-15 / 自定义区间写作 起..止")
            }
            var day = LocalDate(now, in: WorkCalendar.shanghai)
            if let dateText, !dateText.isEmpty {
                guard let parsed = LocalDate(iso: dateText) else { throw Problem.invalid(field: "date", "a day, e.g. 2026-09-15 / 日期无效") }
                day = parsed
            }
            return Period.containing(day, kind: kind) ?? .day(day)
        }
        guard let period = Period(text) else {
            throw Problem.invalid(
                field: "period",
                "day, week, month, quarter or year (with date), or a label such as 2026-09, 2026-Q3, 2026-W38, 2026-09-01..2026-09-15 / 统计周期无效")
        }
        guard period.dayCount <= 3_700 else { throw Problem.invalid(field: "period", "at most ten years / 不超过十年") }
        return period
    }
}
