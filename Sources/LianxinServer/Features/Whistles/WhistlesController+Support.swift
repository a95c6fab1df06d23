import Vapor
import Fluent
import LianxinCore

/// What the whistle handlers share: scoring, finding a whistle in scope, the machine's checks and the DTO.
extension WhistlesController {
    /// Checks a step with `WhistleMachine` for the principal (a summoned department when `summons` is
    /// theirs) and returns the next state; a refusal answers 403 or 409 as the API always has.
    @discardableResult
    static func step(
        _ step: WhistleStep, on whistle: Whistle, summons: WhistleSummons? = nil,
        by principal: Principal
    ) throws -> WhistleState {
        guard let status = WhistleStatus(rawValue: whistle.status) else { throw Problem.conflict("The whistle is closed / 该哨已结束") }
        let state = WhistleState(status: status, reported: summons.map { $0.reportedAt != nil })
        return try checked { () throws(WhistleRefusal) in
            try WhistleMachine.apply(step, to: state, by: WhistleActor(role: principal.role, summoned: summons != nil))
        }
    }

    /// Runs a machine step, answering `notPermitted` with 403 and any other refusal with 409 and its reason.
    static func checked<T>(_ step: () throws(WhistleRefusal) -> T) throws -> T {
        do {
            return try step()
        } catch .notPermitted {
            throw Problem.forbidden
        } catch {
            throw Problem.conflict(error.message)
        }
    }

    /// The department's score for this whistle with the marks given so far.
    static func score(_ summons: WhistleSummons, _ whistle: Whistle) -> Double? {
        func marks(_ handling: Int?, _ satisfaction: Int?) -> WhistleScoring.Marks? {
            guard let handling, let satisfaction else { return nil }
            return .init(handling: handling, satisfaction: satisfaction)
        }
        return scoring.score(
            required: whistle.requiredArrivalAt, reported: summons.reportedAt,
            blower: marks(summons.blowerHandling, summons.blowerSatisfaction),
            requester: marks(summons.requesterHandling, summons.requesterSatisfaction))
    }

    /// A whistle the principal may see: in their division, or summoning their department.
    static func find(_ req: Request, _ principal: Principal) async throws -> Whistle {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let whistle = try await Whistle.find(id, on: req.db)
        else { throw Problem.notFound("whistle") }
        if principal.role.requiresDepartment {
            let summoned =
                try await WhistleSummons.query(on: req.db).filter(\.$whistleID == id)
                .filter(\.$departmentID == principal.departmentID ?? UUID()).count() > 0
            guard summoned else { throw await req.outOfScope("whistle", target: "whistle:\(id)") }
        } else if !principal.canSee(divisionCode: whistle.divisionCode) {
            throw await req.outOfScope("whistle", target: "whistle:\(id)")
        }
        return whistle
    }

    /// The summons of the principal's own department, or 403.
    static func ownSummons(_ whistle: Whistle, _ principal: Principal, _ req: Request) async throws -> WhistleSummons {
        guard principal.role.requiresDepartment, let department = principal.departmentID,
            let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID())
                .filter(\.$departmentID == department).first()
        else {
            await req.audit(
                .permissionDenied, result: .denied, target: "whistle:\(whistle.id?.uuidString ?? "")", detail: "not a summoned department")
            throw Problem.forbidden
        }
        return summons
    }

    /// The whistle with its summoned departments, their arrival and scores.
    static func dto(_ whistle: Whistle, _ req: Request) async throws -> WhistleDTO {
        let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID()).all()
        let names = try await Department.query(on: req.db).filter(\.$id ~~ summons.map(\.departmentID)).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        return WhistleDTO(
            id: try whistle.requireID(), title: whistle.title, description: whistle.description, divisionCode: whistle.divisionCode,
            orderId: whistle.orderID, requiredArrivalAt: whistle.requiredArrivalAt, status: whistle.status, result: whistle.result,
            blownAt: whistle.blownAt, closedAt: whistle.closedAt,
            departments: summons.map { row in
                SummonsDTO(
                    departmentId: row.departmentID, departmentName: names[row.departmentID] ?? "", reportedAt: row.reportedAt,
                    onTime: row.reportedAt.map { $0 <= whistle.requiredArrivalAt }, workNote: row.workNote, score: row.score)
            }.sorted { $0.departmentName < $1.departmentName },
            scoringFormula: scoring.formula(english: req.language == .en))
    }
}
