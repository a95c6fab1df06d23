import Foundation
import Testing
import Fluent
import Vapor
import LianxinCore
@testable import LianxinServer

@Suite("前沿哨兵: station tasks given, done on the phone page item by item, a finding raising a lead; scope and audit")
struct StationWorkTests {
    static let password = "Str0ng@2026-pw"

    static func today(_ app: Application) -> String { LocalDate(app.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description }

    @Test func aSupervisorGivesATaskTheWorkerDoesItAndTheFindingBecomesALead() async throws {
        try await withLianxin { app, client in
            let output = InsuranceFixture.output(settlements: 60, injected: 0)
            try await InsuranceFixture.load(app, output)
            try await makeAccount("fund-xz", app, role: "fundSupervisor", password: Self.password, division: "361102")
            try await makeAccount("zhan-xz", app, role: "stationWorker", password: Self.password, division: "361102")
            try await makeAccount("zhan-gf", app, role: "stationWorker", password: Self.password, division: "361103")
            let hospital = output.institutions[0]
            try await client.login("fund-xz", Self.password)
            let csrf = try await client.csrf("/medical-insurance/stations")
            let refused = try await client.send(
                .POST, "/medical-insurance/stations/tasks",
                form: ["_csrf": csrf, "kind": "", "institutionCode": hospital, "assignee": "zhan-gf", "dueOn": "2020-01-01", "subject": "外科 8 床x"])
            #expect(refused.status == .unprocessableEntity)
            let refusedPage = refused.body.string
            #expect(refusedPage.components(separatedBy: "class=\"field-error\"").count - 1 == 3, "kind, assignee, due day")
            #expect(refusedPage.contains("value=\"外科 8 床x\"") && refusedPage.contains("请选择任务类型"), "what was typed is kept")
            #expect(try await InsuranceStationTask.query(on: app.db).count() == 0)

            let given = try await client.send(
                .POST, "/medical-insurance/stations/tasks",
                form: [
                    "_csrf": csrf, "kind": "focused-check", "institutionCode": hospital, "assignee": "zhan-xz", "dueOn": Self.today(app),
                    "subject": "外伤住院患者 外科 8 床",
                ])
            #expect(given.status == .seeOther)
            let task = try #require(try await InsuranceStationTask.query(on: app.db).first())
            #expect(task.status == "assigned" && task.divisionCode == "361102" && task.assignee == "zhan-xz")
            let id = try task.requireID().uuidString

            let worker = TestClient(app: app)
            try await worker.login("zhan-xz", Self.password)
            #expect(try await worker.send(.GET, "/medical-insurance/stations").body.string.contains("/medical-insurance/stations/tasks/\(id)"))
            let page = try await worker.send(.GET, "/medical-insurance/stations/tasks/\(id)").body.string
            #expect(page.contains("第三方责任") && page.contains("name=\"outcome_third-party\""))
            let workerCSRF = try await worker.csrf("/medical-insurance/stations/tasks/\(id)")
            var form = ["_csrf": workerCSRF, "outcome_injury-cause": "passed", "outcome_third-party": "failed", "finding": "骑电动车被汽车撞伤"]
            let incomplete = try await worker.send(.POST, "/medical-insurance/stations/tasks/\(id)/complete", form: form)
            #expect(incomplete.status == .unprocessableEntity)
            let again = incomplete.body.string
            #expect(again.contains("骑电动车被汽车撞伤") && again.contains("不通过的项目请写明情况") && again.contains("请选择“通过”或“不通过”"))
            #expect(try await InsuranceStationTask.find(task.id, on: app.db)?.status == "assigned")

            for item in StationTask.checklists[.focusedCheck] ?? [] where form["outcome_\(item)"] == nil { form["outcome_\(item)"] = "passed" }
            form["note_third-party"] = "交通事故，对方负全责，已报交警"
            form["raiseLead"] = "on"
            form["rule"] = "trauma-check"
            form["amount"] = "8620.00"
            let done = try await worker.send(.POST, "/medical-insurance/stations/tasks/\(id)/complete", form: form)
            #expect(done.status == .seeOther)
            let stored = try #require(try await InsuranceStationTask.find(task.id, on: app.db))
            #expect(stored.status == "done" && stored.finding == "骑电动车被汽车撞伤" && stored.doneAt != nil)
            let lead = try #require(try await InsuranceLead.find(stored.leadID, on: app.db))
            #expect(lead.rule == "trauma-check" && lead.amountFen == 862_000 && lead.status == "open" && lead.divisionCode == "361102")
            let twice = try await worker.send(.POST, "/medical-insurance/stations/tasks/\(id)/complete", form: form)
            #expect(twice.status == .unprocessableEntity, "a task is done once")
            #expect(try await InsuranceLead.query(on: app.db).filter(\.$leadKey ~~ ["trauma-check|station-task:\(id)"]).count() == 1)
            let actions = try await auditActions(app).map(\.action)
            #expect(actions.contains("mi-station-task.assign") && actions.contains("mi-station-task.complete"))

            let leadPage = try await client.send(.GET, "/medical-insurance/leads/\(try lead.requireID())").body.string
            #expect(leadPage.contains("重点核查") && leadPage.contains("第三方责任") && leadPage.contains("骑电动车被汽车撞伤"))
            let confirmed = try await client.send(
                .POST, "/medical-insurance/leads/\(try lead.requireID())/review", form: ["_csrf": csrf, "decision": "confirm", "amount": "8620.00"])
            #expect(confirmed.status == .seeOther)
            #expect(try await InsuranceLead.find(lead.id, on: app.db)?.status == "confirmed")

            for language in ["zh-CN", "en"] {
                worker.cookies[Request.languageCookie] = language
                for path in ["/medical-insurance/stations", "/medical-insurance/stations/tasks/\(id)"] {
                    let shown = PageText.visibleText(of: try await worker.send(.GET, path).body.string).joined(separator: " ")
                    #expect(!shown.contains("mi_") && !shown.contains("third-party") && !shown.contains("assigned"), "\(language) \(path): \(shown)")
                    #expect(
                        language == "en" ? shown.contains("Third party") || shown.contains("Patrols") : shown.contains("核查"), "\(language) \(path)")
                }
            }
        }
    }

    @Test func tasksAreSeenOnlyInTheirDivisionAndByTheirWorker() async throws {
        try await withLianxin { app, client in
            let output = InsuranceFixture.output(settlements: 40, injected: 0)
            try await InsuranceFixture.load(app, output)
            let supervisor = try await Self.bearer("fund-xz", role: "fundSupervisor", division: "361102", app)
            let worker = try await Self.bearer("zhan-xz", role: "stationWorker", division: "361102", app)
            let other = try await Self.bearer("zhan-xz2", role: "stationWorker", division: "361102", app)
            let elsewhere = try await Self.bearer("fund-gf", role: "fundSupervisor", division: "361103", app)
            let body: [String: String] = [
                "kind": "discharge-review", "institutionCode": output.institutions[1], "assignee": "zhan-xz", "dueOn": Self.today(app),
                "subject": "内科出院患者",
            ]
            let created = try await client.send(.POST, "/api/v1/medical-insurance/station-tasks", headers: worker, json: body)
            #expect(created.status == .forbidden, "a worker does not give tasks")
            let foreign = try await client.send(
                .POST, "/api/v1/medical-insurance/station-tasks", headers: elsewhere, json: body.merging(["assignee": "zhan-xz"]) { $1 })
            #expect(foreign.status == .unprocessableEntity)
            #expect(Set(try foreign.problemFields()) == ["/institutionCode", "/assignee"])
            let response = try await client.send(.POST, "/api/v1/medical-insurance/station-tasks", headers: supervisor, json: body)
            #expect(response.status == .created, "\(response.body.string)")
            let task = try response.json(StationTasksController.TaskDTO.self)
            #expect(task.checklist == StationTask.checklists[.dischargeReview])

            #expect(
                try await client.send(.GET, "/api/v1/medical-insurance/station-tasks", headers: worker).json([StationTasksController.TaskDTO].self)
                    .count == 1)
            #expect(
                try await client.send(.GET, "/api/v1/medical-insurance/station-tasks", headers: other).json([StationTasksController.TaskDTO].self)
                    .isEmpty)
            #expect(
                try await client.send(.GET, "/api/v1/medical-insurance/station-tasks", headers: elsewhere).json([StationTasksController.TaskDTO].self)
                    .isEmpty)
            let path = "/api/v1/medical-insurance/station-tasks/\(task.id)/completion"
            struct Item: Encodable {
                let item: String
                let outcome: String?
                let note: String?
            }
            struct Completion: Encodable {
                let answers: [Item]
                let finding: String?
            }
            let answers = (StationTask.checklists[.dischargeReview] ?? []).map { Item(item: $0, outcome: "passed", note: nil) }
            let completion = Completion(answers: answers, finding: nil)
            #expect(try await client.send(.POST, path, headers: other, json: completion).status == .notFound, "another worker's task is 404")
            #expect(try await client.send(.POST, path, headers: elsewhere, json: completion).status == .notFound, "another county's task is 404")
            let unknown = try await client.send(
                .POST, path, headers: worker, json: Completion(answers: answers + [Item(item: "colour", outcome: "passed", note: nil)], finding: nil))
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.problemFields() == ["/outcome_colour"])
            let done = try await client.send(.POST, path, headers: worker, json: completion)
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try done.json(StationTasksController.TaskDTO.self).status == "done")
            let keys = try await InsuranceLead.query(on: app.db).all().map(\.leadKey)
            #expect(!keys.contains { $0.contains("station-task") }, "a clean check raises no lead")
        }
    }

    static func bearer(_ username: String, role: String, division: String, _ app: Application) async throws -> HTTPHeaders {
        let user = try await makeAccount(username, app, role: role, password: password, division: division)
        let token = try await AccountService(application: app, database: app.db).issueToken(for: user, name: "test", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }
}
