import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Classifier models: training, hot swap, corrupt files, corrections")
struct ClassifierModelTests {
    @Test func trainingStoresAVersionTheServerSwitchesToAndADamagedModelNeverReplacesAGoodOne() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            admin.cookies["lianxin_lang"] = "en"  // these checks read the English messages (#18 item 1)
            let csrf = try await admin.csrf()
            var status = try await admin.send(.GET, "/api/v1/classifier").json(ClassifierController.Status.self)
            #expect(status.version == 0 && status.source == "cold-start", "the shipped model until the county trains its own")
            #expect(status.labels.contains("市政设施"))

            // No closed orders yet: too few examples, nothing stored.
            let tooFew = try await admin.send(.POST, "/api/v1/classifier/training", headers: ["X-CSRF-Token": csrf], json: [String: Bool]())
            #expect(tooFew.status == .unprocessableEntity)
            #expect(tooFew.body.string.contains("/includeShipped"))
            #expect(try await count("classifier_models", app) == 0)

            let trained = try await admin.send(
                .POST, "/api/v1/classifier/training", headers: ["X-CSRF-Token": csrf],
                json: ["includeShipped": true, "evaluate": true])
            #expect(trained.status == .created)
            let result = try trained.json(ClassifierController.Trained.self)
            #expect(result.model.version == 1 && result.inUse)
            #expect((result.evaluation?.macroF1 ?? 0) > 0.5, "cross-validated on the shipped corpus")

            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            let suggested = try await operatorClient.send(
                .POST, "/api/v1/work-orders/suggestions",
                headers: ["X-CSRF-Token": try await operatorClient.csrf()], json: ["title": "路灯不亮", "description": "劳动路路灯晚上不亮"])
            #expect(try suggested.json(IntakeSuggestionsController.Output.self).modelVersion == 1)

            // A damaged upload is refused with the reason and stores nothing.
            let damaged = try await admin.send(
                .POST, "/api/v1/classifier/models", headers: ["X-CSRF-Token": csrf],
                raw: (Array("LXCM not really a model".utf8), .binary))
            #expect(damaged.status == .unprocessableEntity)
            #expect(damaged.body.string.contains("/file") && damaged.body.string.contains("classifier model"))

            // A damaged row written behind the server's back (v2) is rejected on refresh; v1 stays in use.
            let good = try #require(try await ClassifierModelRecord.query(on: app.db).filter(\.$version == 1).first())
            var bytes = [UInt8](good.data)
            bytes[bytes.count / 2] ^= 0xFF
            let broken = ClassifierModelRecord()
            broken.version = 2
            broken.createdAt = Date()
            broken.source = "test"
            broken.exampleCount = good.exampleCount
            broken.labels = good.labels
            broken.sha256 = "x"
            broken.size = bytes.count
            broken.data = Data(bytes)
            broken.disabled = false
            try await broken.create(on: app.db)
            status = try await admin.send(.GET, "/api/v1/classifier").json(ClassifierController.Status.self)
            #expect(status.version == 1)
            #expect(status.rejected.map(\.version) == [2])
            #expect(status.rejected.first?.reason.contains("checksum mismatch") == true)

            // Disabling v1 leaves no usable stored model: back to the shipped one.
            let disabled = try await admin.send(.PATCH, "/api/v1/classifier/models/1", headers: ["X-CSRF-Token": csrf], json: ["disabled": true])
            #expect(disabled.status == .ok)
            status = try await admin.send(.GET, "/api/v1/classifier").json(ClassifierController.Status.self)
            #expect(status.version == 0)
            #expect(
                try await admin.send(.PATCH, "/api/v1/classifier/models/9", headers: ["X-CSRF-Token": csrf], json: ["disabled": true]).status
                    == .notFound)
            #expect(try await operatorClient.send(.GET, "/api/v1/classifier").status == .forbidden)
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target == "classifier:v1" })
        }
    }

    @Test func anOperatorsDifferentChoiceIsKeptForTheNextTraining() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            var body = Staff.newOrder
            body["categoryCode"] = "0101"  // 市容环境 › 暴露垃圾
            body["suggestedCategoryCode"] = "06"  // the desk suggested 市政设施
            #expect(try await staff.create(body).status == .created)
            body["suggestedCategoryCode"] = "01"  // suggestion taken: nothing to learn
            #expect(try await staff.create(body).status == .created)
            let corrections = try await ClassificationCorrection.query(on: app.db).all()
            #expect(corrections.count == 1)
            #expect(corrections.first?.suggestedLabel == "市政设施" && corrections.first?.chosenLabel == "市容环境")
            let catalog = try await ReferenceData.catalog(app.lianxin.referenceCache, on: app.db)
            let examples = try await ClassifierTraining.examples(on: app.db, catalog: catalog, limit: 100)
            #expect(examples.map(\.label) == ["市容环境"])
        }
    }

    @Test func theShippedColdStartModelIsWhatTheTrainCommandBuildsFromTheShippedCorpus() throws {
        let folder = URL(fileURLWithPath: repositoryRoot + "/Resources/Classifier")
        let shipped = try ClassifierModel.load(from: folder.appendingPathComponent(ClassifierRegistry.coldStartFile))
        let corpus = try LabeledTextCSV.read(from: folder.appendingPathComponent(ClassifierRegistry.corpusFile))
        let rebuilt = try ClassifierTrainer().train(on: corpus, createdAt: shipped.createdAt)
        #expect(rebuilt.labels == shipped.labels)
        #expect(rebuilt.trainingExampleCount == corpus.count)
        for example in corpus.prefix(60) {
            #expect(rebuilt.predict(example.text).label == shipped.predict(example.text).label)
        }
    }
}

@Suite("Hotspots: detection, scope, proactive tasks, parameters")
struct HotspotTests {
    /// Six reports of exposed rubbish within a few dozen metres in 祝家巷社区, and two elsewhere.
    static func fileCluster(_ staff: Staff) async throws {
        func file(_ title: String, _ description: String, category: String, division: String, lat: Double, lon: Double) async throws {
            let body = NewWorkOrder(
                title: title, description: description, categoryCode: category, divisionCode: division,
                latitude: lat, longitude: lon, requesterPhone: "13807930001")
            #expect(
                try await staff.operatorClient.send(
                    .POST, "/api/v1/work-orders",
                    headers: ["X-CSRF-Token": try await staff.operatorClient.csrf()], json: body
                ).status == .created)
        }
        for index in 0..<6 {
            try await file(
                "祝家巷垃圾堆积", "祝家巷口垃圾堆了好几天没人清运，第 \(index + 1) 次反映。", category: "0101", division: "361102002001",
                lat: 28.4601 + Double(index) * 0.0001, lon: 117.9702 + Double(index % 2) * 0.0001)
        }
        for offset in [0.0, 0.05] {
            try await file("路灯不亮", "路灯晚上不亮", category: "0601", division: "361102001001", lat: 28.40 + offset, lon: 117.90 + offset)
        }
    }

    @Test func aPassFindsTheClusterExplainsItAndOneActionMakesOneProactiveTask() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            try await Self.fileCluster(staff)
            clock.advance(600)
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let run = try await admin.send(.POST, "/api/v1/hotspots/runs", headers: ["X-CSRF-Token": try await admin.csrf()])
            #expect(run.status == .created)
            #expect(try run.json(HotspotsController.RunDTO.self).hotspotCount == 1)

            let leader = TestClient(app: app)
            try await leader.login("leader")
            let list = try await leader.send(.GET, "/api/v1/hotspots").json(HotspotsController.HotspotList.self)
            let hotspot = try #require(list.items.first)
            #expect(list.items.count == 1)
            #expect(hotspot.orderCount == 6 && hotspot.categoryCode == "0101" && hotspot.categoryName == "暴露垃圾")
            #expect(hotspot.divisionCode == "361102002001" && hotspot.trend == "rising")
            #expect(hotspot.explanation.contains("6 件「暴露垃圾」") && hotspot.explanation.contains("祝家巷社区"))
            let detail = try await leader.send(.GET, "/api/v1/hotspots/\(hotspot.id)").json(HotspotsController.HotspotDTO.self)
            #expect(detail.samples?.count == 5)

            // Another community's staff neither list it nor open it.
            let community = TestClient(app: app)
            try await community.login("community")
            #expect(try await community.send(.GET, "/api/v1/hotspots").json(HotspotsController.HotspotList.self).items.isEmpty)
            #expect(try await community.send(.GET, "/api/v1/hotspots/\(hotspot.id)").status == .notFound)
            #expect(try await staff.operatorClient.send(.GET, "/api/v1/hotspots").status == .forbidden)

            let task = try await staff.dispatcher.send(
                .POST, "/api/v1/hotspots/\(hotspot.id)/task",
                headers: ["X-CSRF-Token": try await staff.dispatcher.csrf()], json: [String: String]())
            #expect(task.status == .created)
            let order = try task.json(WorkOrderDTO.self)
            #expect(order.channel == "proactive" && order.categoryCode == "0101" && order.divisionCode == "361102002001")
            #expect(order.status == "received", "a dispatcher's task is accepted at once")
            #expect(order.suggestedDepartmentId != nil, "routed by the category's rule like any order")
            #expect(order.title.contains("未诉先办"))
            let again = try await staff.dispatcher.send(
                .POST, "/api/v1/hotspots/\(hotspot.id)/task",
                headers: ["X-CSRF-Token": try await staff.dispatcher.csrf()], json: [String: String]())
            #expect(again.status == .conflict)
            let tasked = try await leader.send(.GET, "/api/v1/hotspots?status=tasked").json(HotspotsController.HotspotList.self)
            #expect(tasked.items.first?.taskOrderId == order.id)

            // The next pass sees the same cluster and remembers it was tasked; the task itself is not counted.
            clock.advance(600)
            _ = try await admin.send(.POST, "/api/v1/hotspots/runs", headers: ["X-CSRF-Token": try await admin.csrf()])
            let next = try await leader.send(.GET, "/api/v1/hotspots").json(HotspotsController.HotspotList.self)
            #expect(next.run?.id != list.run?.id)
            #expect(next.items.first?.status == "tasked" && next.items.first?.orderCount == 6)

            let page = try await leader.send(.GET, "/hotspots")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("暴露垃圾") && page.body.string.contains("已转任务"))
        }
    }

    @Test func parametersAreDataCheckedFieldByField() async throws {
        try await withLianxin(demo: true) { app, _ in
            let admin = TestClient(app: app)
            try await admin.login("admin")
            let csrf = try await admin.csrf()
            var settings = try await admin.send(.GET, "/api/v1/hotspot-parameters").json(HotspotService.Settings.self)
            #expect(settings == .defaults)
            settings.detection.radiusMeters = 1
            settings.intervalMinutes = 0
            let bad = try await admin.send(.PUT, "/api/v1/hotspot-parameters", headers: ["X-CSRF-Token": csrf], json: settings)
            #expect(bad.status == .unprocessableEntity)
            let fields = try bad.json(ProblemBody.self).errors?.map(\.field)
            #expect(fields == ["/detection/radiusMeters", "/intervalMinutes"])
            settings.detection.radiusMeters = 150
            settings.intervalMinutes = 30
            #expect(try await admin.send(.PUT, "/api/v1/hotspot-parameters", headers: ["X-CSRF-Token": csrf], json: settings).status == .ok)
            #expect(try await HotspotService.settings(on: app.db).detection.radiusMeters == 150)
            let leader = TestClient(app: app)
            try await leader.login("leader")
            #expect(
                try await leader.send(.PUT, "/api/v1/hotspot-parameters", headers: ["X-CSRF-Token": try await leader.csrf()], json: settings).status
                    == .forbidden)
        }
    }

    @Test func scheduledPassesRunOncePerSlot() async throws {
        try await withLianxin(demo: true) { app, _ in
            let first = try await HotspotService.runScheduled(app: app)
            let second = try await HotspotService.runScheduled(app: app)
            #expect(first != nil)
            #expect(second == nil, "the slot is taken")
            #expect(HotspotService.commonDivision(of: ["361102002001", "361102002004"]) == "361102002")
            #expect(HotspotService.commonDivision(of: ["361102002001", "361103001001"]) == "3611")
        }
    }
}
