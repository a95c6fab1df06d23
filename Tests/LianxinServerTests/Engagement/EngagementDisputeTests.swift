import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Mediation and petitions: encrypted and masked parties, audited reading, outcomes, 日日清/周周审/月月结, 访调融合")
struct EngagementDisputeTests {
    @Test func mediationCasesKeepPartiesEncryptedAndCountSuccessPerMediatorAndCommunity() async throws {
        try await withLianxin(demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let csrf = try await community.csrf()
            let before = try await engagementCounts(app)
            typealias Input = MediationController.CaseInput

            // One party, no mediator, a bad phone: every problem named, nothing written.
            let bad = try await community.send(
                .POST, "/api/v1/mediation-cases", headers: ["X-CSRF-Token": csrf],
                json: Input(
                    disputeType: "neighbourhood", summary: "楼上漏水", parties: [.init(name: "王建国", phone: "12345")], mediators: []))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["/parties/0/phone", "/parties"])
            let noMediator = try await community.send(
                .POST, "/api/v1/mediation-cases", headers: ["X-CSRF-Token": csrf],
                json: Input(
                    disputeType: "neighbourhood", summary: "楼上漏水", parties: [.init(name: "王建国"), .init(name: "刘芳")], mediators: []))
            #expect(try noMediator.json(ProblemBody.self).errors?.map(\.field) == ["/mediators"])
            #expect(try await engagementCounts(app) == before)

            let created = try await community.send(
                .POST, "/api/v1/mediation-cases", headers: ["X-CSRF-Token": csrf],
                json: Input(
                    disputeType: "neighbourhood", summary: "楼上卫生间漏水致楼下天花板受损，双方就赔偿争执",
                    parties: [.init(name: "王建国", phone: "13907930021"), .init(name: "欧阳娜娜", phone: "0793-8221234")],
                    mediators: ["李调解", "周调解"]))
            #expect(created.status == .created)
            let item = try created.json(MediationController.CaseDTO.self)
            #expect(item.parties.map(\.name) == ["王**", "欧阳**"] && item.parties.map(\.phone) == ["139****0021", "0793-***1234"])
            // At rest: no name or phone in clear.
            let stored = try #require(try await MediationParty.query(on: app.db).filter(\.$caseID == item.id).sort(\.$position).first())
            #expect(!String(decoding: stored.nameCipher, as: UTF8.self).contains("王建国"))
            #expect(try app.lianxin.cipher.open(stored.nameCipher, for: .mediationPartyName, row: try stored.requireID()) == "王建国")

            // Reading a case is audited; unmasking needs a reason and is audited too.
            _ = try await community.send(.GET, "/api/v1/mediation-cases/\(item.id)")
            let noReason = try await community.send(
                .POST, "/api/v1/mediation-cases/\(item.id)/unmask", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ReasonInput(reason: ""))
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("/reason"))
            let unmasked = try await community.send(
                .POST, "/api/v1/mediation-cases/\(item.id)/unmask", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ReasonInput(reason: "电话联系当事人约定调解时间")
            ).json(MediationController.CaseDTO.self)
            #expect(unmasked.parties.map(\.name) == ["王建国", "欧阳娜娜"] && unmasked.parties.first?.phone == "13907930021")
            let audit = try await auditActions(app)
            #expect(audit.contains { $0.action == "dispute-record.view" && $0.target == "mediation-case:\(item.id)" })
            #expect(audit.contains { $0.action == "personal-data.unmask" && $0.target == "mediation-case:\(item.id)" })

            // Concluding needs a session; an agreement needs its text.
            let early = try await community.send(
                .POST, "/api/v1/mediation-cases/\(item.id)/conclude", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ConcludeInput(outcome: "failed"))
            #expect(early.status == .conflict)
            #expect(
                try await community.send(
                    .POST, "/api/v1/mediation-cases/\(item.id)/sessions", headers: ["X-CSRF-Token": csrf],
                    json: MediationController.SessionInput(place: "社区调解室", note: "双方陈述，查看漏水现场")
                ).status == .created)
            let textless = try await community.send(
                .POST, "/api/v1/mediation-cases/\(item.id)/conclude", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ConcludeInput(outcome: "agreement"))
            #expect(textless.status == .unprocessableEntity && textless.body.string.contains("/agreementText"))
            let agreed = try await community.send(
                .POST, "/api/v1/mediation-cases/\(item.id)/conclude", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ConcludeInput(outcome: "agreement", agreementText: "王建国负责维修防水层并赔偿刘芳1500元"))
            #expect(try agreed.json(MediationController.CaseDTO.self).outcome == "agreement")
            #expect(
                try await community.send(
                    .POST, "/api/v1/mediation-cases/\(item.id)/conclude", headers: ["X-CSRF-Token": csrf],
                    json: MediationController.ConcludeInput(outcome: "failed")
                ).status == .conflict)

            // A second case, referred to court: 李调解 1 of 2, 周调解 1 of 1, the community 1 of 2.
            let second = try await community.send(
                .POST, "/api/v1/mediation-cases", headers: ["X-CSRF-Token": csrf],
                json: Input(
                    disputeType: "labour", summary: "装修工钱拖欠", parties: [.init(name: "赵师傅"), .init(name: "钱老板")], mediators: ["李调解"])
            )
            .json(MediationController.CaseDTO.self)
            _ = try await community.send(
                .POST, "/api/v1/mediation-cases/\(second.id)/sessions", headers: ["X-CSRF-Token": csrf],
                json: MediationController.SessionInput(place: "社区调解室", note: "双方分歧较大"))
            _ = try await community.send(
                .POST, "/api/v1/mediation-cases/\(second.id)/conclude", headers: ["X-CSRF-Token": csrf],
                json: MediationController.ConcludeInput(outcome: "referredToCourt"))
            let rates = try await community.send(.GET, "/api/v1/mediation-rates").json(MediationController.Rates.self)
            #expect(rates.mediators.map { "\($0.key) \($0.agreements)/\($0.concluded)" } == ["周调解 1/1", "李调解 1/2"])
            #expect(rates.communities.map(\.rate) == [0.5] && rates.communities.first?.name == "劳动路社区居民委员会")
            #expect(rates.formula.contains("已结案件数"))

            let page = try await community.send(.GET, "/engagement/mediation")
            #expect(page.status == .ok && page.body.string.contains("50.0%") && !page.body.string.contains("王建国"))
            let casePage = try await community.send(.GET, "/engagement/mediation/\(item.id)")
            #expect(casePage.status == .ok && casePage.body.string.contains("王**") && !casePage.body.string.contains("13907930021"))

            // The leader sees the rates but may not unmask; another community sees nothing.
            let leader = TestClient(app: app)
            try await leader.login("leader")
            #expect(
                try await leader.send(
                    .POST, "/api/v1/mediation-cases/\(item.id)/unmask", headers: ["X-CSRF-Token": try await leader.csrf()],
                    json: MediationController.ReasonInput(reason: "查看")
                ).status == .forbidden)
            let neighbour = try await makeNeighbour(app)
            #expect(try await neighbour.send(.GET, "/api/v1/mediation-cases/\(item.id)").status == .notFound)
            #expect(try await neighbour.send(.GET, "/api/v1/mediation-cases").json([MediationController.CaseDTO].self).isEmpty)
            #expect(try await neighbour.send(.GET, "/api/v1/mediation-rates").json(MediationController.Rates.self).mediators.isEmpty)
            let member = TestClient(app: app)
            try await member.login("gridmember")
            #expect(try await member.send(.GET, "/api/v1/mediation-cases").status == .forbidden)
        }
    }

    @Test func firstTimePetitionsAreListedDailyReviewedWeeklyAndClosedMonthly() async throws {
        let clock = TestClock()  // Monday 2026-09-21, Beijing time
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let csrf = try await community.csrf()
            let before = try await engagementCounts(app)
            typealias Input = PetitionsController.PetitionInput

            let bad = try await community.send(
                .POST, "/api/v1/petitions", headers: ["X-CSRF-Token": csrf],
                json: Input(
                    channel: "fax", receivedOn: "2026-09-30", petitionerName: "", subject: "物业", content: "x"))
            #expect(bad.status == .unprocessableEntity)
            #expect(
                Set(try bad.json(ProblemBody.self).errors?.map(\.field) ?? [])
                    == ["/channel", "/receivedOn", "/petitionerName", "/content"])
            #expect(try await engagementCounts(app) == before)

            func file(_ subject: String, on day: String, phone: String?) async throws -> PetitionsController.PetitionDTO {
                let response = try await community.send(
                    .POST, "/api/v1/petitions", headers: ["X-CSRF-Token": csrf],
                    json: Input(
                        channel: "visit", receivedOn: day, petitionerName: "陈桂兰", petitionerPhone: phone, subject: subject,
                        content: "\(subject)，多次反映未解决"))
                #expect(response.status == .created)
                return try response.json(PetitionsController.PetitionDTO.self)
            }
            let old = try await file("小区电梯长期停运", on: "2026-09-01", phone: "13907930031")
            let fresh = try await file("邻居违建遮挡采光", on: "2026-09-21", phone: "13907930032")
            let repeatPetition = try await file("电梯停运再次反映", on: "2026-09-21", phone: "139-0793-0031")
            #expect(old.firstTime && fresh.firstTime && !repeatPetition.firstTime)
            #expect(old.petitionerName == "陈**" && old.petitionerPhone == "139****0031" && old.answerDue == "2026-09-16")
            let row = try #require(try await Petition.find(old.id, on: app.db))
            #expect(!String(decoding: row.nameCipher, as: UTF8.self).contains("陈桂兰") && row.phoneIndex != nil)

            // 日日清: the first-time ones without an answer, longest waiting first; past 15 days is overdue.
            var daily = try await community.send(.GET, "/api/v1/petitions/daily").json(PetitionsController.Daily.self)
            #expect(daily.day == "2026-09-21" && daily.items.map(\.petition.id) == [old.id, fresh.id])
            #expect(daily.items[0].daysWaiting == 20 && daily.items[0].overdue && !daily.items[1].overdue)

            // Close before an answer is refused; answer, then close.
            #expect(
                try await community.send(
                    .POST, "/api/v1/petitions/\(old.id)/close", headers: ["X-CSRF-Token": csrf],
                    json: PetitionsController.TextInput(result: "已修复")
                ).status == .conflict)
            #expect(
                try await community.send(
                    .POST, "/api/v1/petitions/\(old.id)/answer", headers: ["X-CSRF-Token": csrf],
                    json: PetitionsController.TextInput(answer: "已受理，协调物业和维保单位维修")
                ).status == .ok)
            daily = try await community.send(.GET, "/api/v1/petitions/daily").json(PetitionsController.Daily.self)
            #expect(daily.items.map(\.petition.id) == [fresh.id])
            let closed = try await community.send(
                .POST, "/api/v1/petitions/\(old.id)/close", headers: ["X-CSRF-Token": csrf],
                json: PetitionsController.TextInput(result: "电梯已更换主板恢复运行，信访人满意"))
            #expect(try closed.json(PetitionsController.PetitionDTO.self).status == "closed")

            // 周周审: reviewed once a week.
            #expect(
                try await community.send(
                    .POST, "/api/v1/petitions/\(fresh.id)/reviews", headers: ["X-CSRF-Token": csrf],
                    json: PetitionsController.TextInput(note: "请城管核实违建")
                ).status == .created)
            #expect(
                try await community.send(
                    .POST, "/api/v1/petitions/\(fresh.id)/reviews", headers: ["X-CSRF-Token": csrf],
                    json: PetitionsController.TextInput(note: "再次审查")
                ).status == .conflict)
            let week = try await community.send(.GET, "/api/v1/petitions/weekly").json(PetitionsController.Weekly.self)
            #expect(week.weekStart == "2026-09-21" && week.weekEnd == "2026-09-27")
            #expect(week.received == 2 && week.answered == 1 && week.closed == 1 && week.stillUnanswered == 2 && week.reviewed == 1)
            #expect(Set(week.items.map(\.id)) == [old.id, fresh.id, repeatPetition.id])

            // 月月结 for September: 3 received (2 first-time), 1 closed on time, 2 carried over.
            let month = try await community.send(.GET, "/api/v1/petitions/monthly?month=2026-09").json(PetitionsController.Monthly.self)
            #expect(month.received == 3 && month.firstTime == 2 && month.answered == 1 && month.closed == 1 && month.closedOnTime == 1)
            #expect(month.carriedOver == 2 && month.overdueOpen == 0 && month.closeRate == 0.333 && month.onTimeRate == 1)
            #expect(try await community.send(.GET, "/api/v1/petitions/monthly?month=2026-13").status == .unprocessableEntity)

            // 访调融合: the petition goes to a mediation case.
            let mediation = try await community.send(
                .POST, "/api/v1/mediation-cases", headers: ["X-CSRF-Token": csrf],
                json: MediationController.CaseInput(
                    disputeType: "neighbourhood", summary: "违建遮挡采光", parties: [.init(name: "陈桂兰"), .init(name: "孙某")], mediators: ["李调解"],
                    petitionId: fresh.id))
            #expect(mediation.status == .created)
            let mediationCase = try mediation.json(MediationController.CaseDTO.self)
            #expect(mediationCase.petitionIds == [fresh.id])
            let linked = try await community.send(.GET, "/api/v1/petitions/\(fresh.id)").json(PetitionsController.PetitionDTO.self)
            #expect(linked.mediationCaseId == mediationCase.id)
            #expect(
                try await community.send(
                    .POST, "/api/v1/petitions/\(fresh.id)/mediation", headers: ["X-CSRF-Token": csrf],
                    json: PetitionsController.LinkInput(mediationCaseId: mediationCase.id)
                ).status == .conflict)
            let other = try await community.send(
                .POST, "/api/v1/petitions/\(repeatPetition.id)/mediation", headers: ["X-CSRF-Token": csrf],
                json: PetitionsController.LinkInput(mediationCaseId: mediationCase.id))
            #expect(try other.json(PetitionsController.PetitionDTO.self).mediationCaseId == mediationCase.id)
            #expect(try await auditActions(app).contains { $0.action == "dispute-record.view" && $0.target == "petition:\(fresh.id)" })

            // Pages: the daily list, the weekly review and the monthly report render, masked.
            for path in [
                "/engagement/petitions", "/engagement/petitions/weekly", "/engagement/petitions/monthly?month=2026-09",
                "/engagement/petitions/\(fresh.id)",
            ] {
                let page = try await community.send(.GET, path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains("陈**") || path.contains("monthly") || path.contains("weekly"), "\(path)")
                #expect(!page.body.string.contains("陈桂兰") && !page.body.string.contains("13907930032"), "\(path)")
            }
            #expect(try await community.send(.GET, "/engagement/petitions/monthly?month=2026-09").body.string.contains("33.3%"))

            // Two weeks on, the fresh one is overdue on the daily list.
            clock.advance(16 * 86_400)
            try await community.login("laodonglu", "Neighbour@2026")
            daily = try await community.send(.GET, "/api/v1/petitions/daily").json(PetitionsController.Daily.self)
            #expect(daily.items.map(\.petition.id) == [fresh.id] && daily.items[0].overdue)

            let neighbour = try await makeNeighbour(app)
            #expect(try await neighbour.send(.GET, "/api/v1/petitions/\(fresh.id)").status == .notFound)
            #expect(try await neighbour.send(.GET, "/api/v1/petitions/daily").json(PetitionsController.Daily.self).items.isEmpty)
            #expect(try await neighbour.send(.GET, "/engagement/petitions/\(fresh.id)").status == .notFound)
        }
    }
}
