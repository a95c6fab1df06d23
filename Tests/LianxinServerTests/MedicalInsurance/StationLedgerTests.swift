import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor

@testable import LianxinServer

@Suite("帮办代办台账: a station worker records the services given; refusals keep the choices; the month's counts; scope")
struct StationLedgerTests {
    @Test func aWorkerRecordsServicesTheMonthCountsThemAndOtherDivisionsCannot() async throws {
        try await withLianxin { app, client in
            let output = InsuranceFixture.output(settlements: 20, injected: 0)
            try await InsuranceFixture.load(app, output)
            try await makeAccount("zhan-xz", app, role: "stationWorker", password: StationWorkTests.password, division: "361102")
            try await makeAccount("zhan-gf", app, role: "stationWorker", password: StationWorkTests.password, division: "361103")
            let hospital = output.institutions[0]
            try await client.login("zhan-xz", StationWorkTests.password)
            let csrf = try await client.csrf("/medical-insurance/services")
            let refused = try await client.send(
                .POST, "/medical-insurance/services", form: ["_csrf": csrf, "institutionCode": hospital, "service": "", "note": "代办异地就医备案"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("请选择目录中的服务事项"))
            #expect(refused.body.string.contains("value=\"代办异地就医备案\""), "what was typed is kept")
            #expect(try await InsuranceStationService.query(on: app.db).count() == 0)
            for service in ["out-of-area-filing", "out-of-area-filing", "chronic-illness"] {
                let done = try await client.send(
                    .POST, "/medical-insurance/services", form: ["_csrf": csrf, "institutionCode": hospital, "service": service, "note": ""])
                #expect(done.status == .seeOther)
            }
            let page = try await client.send(.GET, "/medical-insurance/services").body.string
            #expect(page.contains("合计 3"))
            let label = app.lianxin.localizer.text("mi_service_out-of-area-filing", .zhCN)
            #expect(page.contains("<td>\(label)</td><td>2</td>"), "two of the same service counted together")
            // A worker of another district neither records at this hospital nor sees its ledger.
            let other = TestClient(app: app)
            try await other.login("zhan-gf", StationWorkTests.password)
            let otherCSRF = try await other.csrf("/medical-insurance/services")
            let outside = try await other.send(
                .POST, "/medical-insurance/services", form: ["_csrf": otherCSRF, "institutionCode": hospital, "service": "complaint"])
            #expect(outside.status == .unprocessableEntity)
            #expect(try await other.send(.GET, "/medical-insurance/services").body.string.contains("合计 0"))
            // Someone without station work is refused.
            try await makeAccount("gm-xz", app, role: "gridMember", password: StationWorkTests.password, division: "361102")
            let member = TestClient(app: app)
            try await member.login("gm-xz", StationWorkTests.password)
            #expect(try await member.send(.GET, "/medical-insurance/services").status == .forbidden)
        }
    }
}
