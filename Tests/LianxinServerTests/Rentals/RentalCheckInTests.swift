import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("Rental units and tenant check-in (人来即管、人走即清)")
struct RentalCheckInTests {
    static let zbarimg = "/usr/bin/zbarimg"
    static let tenantID = DemoResidents.idNumber("361103", "19950505", 21)

    /// The grid the demo grid member serves full-time (the first of 上滩头社区).
    private func servedGrid(_ app: Application) async throws -> Grid {
        let grids = try await Grid.query(on: app.db).filter(\.$communityCode == DemoResidents.community).filter(\.$validTo == nil).sort(\.$code).all()
        return try #require(grids.first)
    }

    private func signIn(_ username: String, _ app: Application) async throws -> (client: TestClient, csrf: String) {
        let client = TestClient(app: app)
        try await client.login(username)
        return (client, try await client.csrf())
    }

    /// Creates a unit in the served grid as community staff.
    private func createUnit(_ app: Application, address: String = "上滩头小区 3 栋 2-301") async throws -> RentalUnitDTO {
        let staff = try await signIn("community", app)
        let grid = try await servedGrid(app)
        let response = try await staff.client.send(
            .POST, "/api/v1/rental-units", headers: ["X-CSRF-Token": staff.csrf],
            json: [
                "gridCode": grid.code, "address": address, "landlordName": "周房东", "landlordPhone": "13907930001",
            ])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(RentalUnitDTO.self)
    }

    /// A phone that opens the unit's check-in page and submits the form.
    private func checkIn(_ app: Application, code: String, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        let phone = TestClient(app: app)
        let page = try await phone.send(.GET, "/p/checkin/\(code)")
        #expect(page.status == .ok)
        let token = try #require(TestClient.csrfToken(in: page.body.string))
        return try await phone.send(.POST, "/p/checkin/\(code)", form: fields.merging(["_csrf": token]) { $1 })
    }

    private func goodForm(_ app: Application, id: String = RentalCheckInTests.tenantID) -> [String: String] {
        [
            "name": "李四海", "idNumber": id, "phone": "138 0793 5678", "registrationDivision": "361103",
            "movedIn": TenantCheckIn.dayString(app.lianxin.now()),
        ]
    }

    private func bearer(_ username: String, role: String, division: String, _ app: Application) async throws -> HTTPHeaders {
        let service = AccountService(application: app, database: app.db)
        let user = try await service.create(
            .init(
                username: username, displayName: username, password: "Str0ng-pass!", role: role,
                divisionCode: division, departmentCode: nil), by: nil, actor: .commandLine)
        let token = try await service.issueToken(for: user, name: "test", actor: .commandLine)
        return ["Authorization": "Bearer \(token)"]
    }

    @Test func aUnitsQRCodeReadsBackAsItsCheckInAddress() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.zbarimg), "install zbar-tools (scripts/test.sh does)")
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            #expect(RentalCode.isWellFormed(unit.publicCode))
            #expect(unit.landlordPhone == "139****0001")
            let expected = app.lianxin.settings.publicBaseURL + "/p/checkin/" + unit.publicCode
            #expect(unit.checkInUrl == expected)
            #expect(try #require(unit.landlordLink).hasPrefix(app.lianxin.settings.publicBaseURL + "/p/landlord/"))
            #expect(try await auditActions(app).contains { $0.action == "rental-unit.create" })

            let staff = try await signIn("community", app)
            let png = try await staff.client.send(.GET, "/api/v1/rental-units/\(unit.id)/qr.png")
            #expect(png.status == .ok && png.headers.contentType?.subType == "png")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: png.body).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.zbarimg)
            process.arguments = ["--raw", "-q", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == expected)

            let svg = try await staff.client.send(.GET, "/api/v1/rental-units/\(unit.id)/qr.svg")
            #expect(svg.status == .ok && svg.body.string.contains("<svg"))
            let listed = try await staff.client.send(.GET, "/api/v1/rental-units").json(ListPage<RentalUnitDTO>.self)
            #expect(listed.items.map(\.id) == [unit.id])
            #expect(listed.items[0].landlordLink == nil, "the landlord's link is shown once")
        }
    }

    @Test func aTenantFromAnotherProvinceWritesTheirCountysNameAndAShareNameAsksToChoose() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            var form = goodForm(app)
            form["registrationDivision"] = nil
            form["registrationPlace"] = "白云区"
            let ambiguous = try await checkIn(app, code: unit.publicCode, form)
            #expect(ambiguous.status == .unprocessableEntity)
            #expect(ambiguous.body.string.contains("广东省广州市白云区") && ambiguous.body.string.contains("贵州省贵阳市白云区"))
            #expect(ambiguous.body.string.contains("有几个地方都叫这个名字"))
            #expect(try await Tenancy.query(on: app.db).count() == 0)
            form["registrationPlace"] = "贵阳白云区"
            let done = try await checkIn(app, code: unit.publicCode, form)
            #expect(done.status == .ok, "a place outside the county's own divisions, found by its name")
            #expect(done.body.string.contains("贵州省贵阳市白云区"))
            #expect(try await Tenancy.query(on: app.db).first()?.registrationDivision == "520113")
        }
    }

    @Test func aCheckInWritesTheStayAndAVisitTaskForTheGridMemberDueIn24Hours() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            let form = try await TestClient(app: app).send(.GET, "/p/checkin/\(unit.publicCode)")
            #expect(form.status == .ok)
            for field in ["name", "idNumber", "phone", "registrationPlace", "movedIn"] {
                #expect(form.body.string.contains("<label for=\"\(field)\">"), "label for \(field)")
            }
            #expect(form.body.string.contains("扫码入住登记"), "Chinese by default")

            let response = try await checkIn(app, code: unit.publicCode, goodForm(app))
            #expect(response.status == .ok, "\(response.body.string)")
            let html = response.body.string
            #expect(html.contains("id=\"checkin-done\""))
            #expect(html.contains("李**") && html.contains("361103********") && html.contains("138****5678") && html.contains("广丰区"))
            #expect(!html.contains(Self.tenantID) && !html.contains("13807935678") && !html.contains("李四海"))

            let tenancy = try #require(try await Tenancy.query(on: app.db).first())
            #expect(tenancy.gender == "male" && tenancy.birthDate == "1995-05-05" && tenancy.registrationDivision == "361103")
            #expect(tenancy.idNumberIndex == app.lianxin.cipher.blindIndex(Self.tenantID))
            #expect(!String(decoding: tenancy.idNumberCipher, as: UTF8.self).contains(Self.tenantID))
            let task = try #require(try await VisitTask.query(on: app.db).first())
            let member = try #require(try await User.query(on: app.db).filter(\.$username == "gridmember").first())
            #expect(task.kind == "newTenant" && task.assigneeID == member.id && task.tenancyID == tenancy.id)
            #expect(task.dueAt == app.lianxin.now().addingTimeInterval(24 * 3600))
            #expect(try await auditActions(app).contains { $0.action == "tenancy.check-in" && $0.target == "tenancy:\(tenancy.id!)" })

            let staff = try await signIn("community", app)
            let shown = try await staff.client.send(.GET, "/api/v1/rental-units/\(unit.id)").json(RentalUnitDTO.self)
            #expect(shown.currentTenants?.map(\.idNumber) == [PersonalDataMask.idNumber(Self.tenantID)])
        }
    }

    @Test func badInputReRendersTheFormWithEachMessageAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            var badChecksum = Self.tenantID
            badChecksum = String(badChecksum.dropLast()) + (badChecksum.last == "1" ? "2" : "1")
            let tomorrow = TenantCheckIn.dayString(app.lianxin.now().addingTimeInterval(86400))
            let response = try await checkIn(
                app, code: unit.publicCode,
                [
                    "name": "李四海", "idNumber": badChecksum, "phone": "12345", "registrationDivision": "361199", "movedIn": tomorrow,
                ])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("id=\"idNumber-error\"") && html.contains("校验未通过") && !html.contains("应为"))
            #expect(html.contains("id=\"phone-error\""))
            #expect(html.contains("id=\"registrationDivision-error\"") && html.contains("列表中没有这个地方"))
            #expect(html.contains("id=\"movedIn-error\"") && html.contains("入住日期不能晚于今天"))
            #expect(!html.contains("id=\"name-error\""))
            #expect(html.contains("value=\"李四海\""), "what was typed is kept")

            let old = TenantCheckIn.dayString(app.lianxin.now().addingTimeInterval(-400 * 86400))
            let stale = try await checkIn(app, code: unit.publicCode, goodForm(app).merging(["movedIn": old]) { $1 })
            #expect(stale.status == .unprocessableEntity && stale.body.string.contains("入住日期不能早于一年前"))
            #expect(try await count("tenancies", app) == 0)
            #expect(try await count("visit_tasks", app) == 0)
            #expect(try await TestClient(app: app).send(.GET, "/p/checkin/zzzzzzzzzzzz").status == .notFound)
        }
    }

    @Test func aTenantAlreadyCheckedInIsToldSoAndNotDuplicated() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app)).status == .ok)
            let again = try await checkIn(app, code: unit.publicCode, goodForm(app))
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("id=\"checkin-notice\"") && again.body.string.contains("您已在本出租屋登记入住"))
            #expect(try await count("tenancies", app) == 1)
            #expect(try await count("visit_tasks", app) == 1)
        }
    }

    /// #16 item 11: a landlord link shows the landlord's units of its own community only, not
    /// units registered with the same phone elsewhere (another community, another county).
    @Test func item11_theLandlordLinkStaysInItsCommunity() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            let elsewhere = RentalUnit()
            elsewhere.id = UUID()
            elsewhere.publicCode = "ZZZZZZZZZZZZ"
            elsewhere.address = "劳动路社区 9 号 502"
            elsewhere.gridCode = "361102001003-01"
            elsewhere.communityCode = "361102001003"
            elsewhere.landlordName = "周房东"
            elsewhere.landlordPhoneCipher = try app.lianxin.cipher.seal("13907930001", for: .landlordPhone, row: try elsewhere.requireID())
            elsewhere.landlordPhoneIndex = app.lianxin.cipher.blindIndex("13907930001")
            elsewhere.landlordTokenHash = app.lianxin.cipher.tokenHash("another-link-token-of-another-county")
            elsewhere.active = true
            elsewhere.createdAt = app.lianxin.now()
            try await elsewhere.create(on: app.db)
            let link = try #require(unit.landlordLink)
            let page = try await TestClient(app: app).send(.GET, String(link.dropFirst(app.lianxin.settings.publicBaseURL.count)))
            #expect(page.status == .ok && page.body.string.contains("上滩头小区 3 栋 2-301"))
            #expect(!page.body.string.contains("劳动路社区 9 号"), "the same phone's unit in another community is not reached")
        }
    }

    @Test func theLandlordSeesMaskedTenantsAndChecksOneOut() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app)).status == .ok)
            let other = DemoResidents.idNumber("361102", "19880808", 42)
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app, id: other).merging(["name": "王五"]) { $1 }).status == .ok)

            let link = try #require(unit.landlordLink)
            let path = String(link.dropFirst(app.lianxin.settings.publicBaseURL.count))
            let landlord = TestClient(app: app)
            let page = try await landlord.send(.GET, path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("李**") && html.contains("王*") && html.contains("138****5678"))
            #expect(!html.contains(Self.tenantID) && !html.contains("李四海"))
            #expect(try await landlord.send(.GET, "/p/landlord/not-a-real-token-at-all-000").status == .notFound)

            let tenancy = try #require(try await Tenancy.query(on: app.db).filter(\.$name == "李四海").first())
            let token = try #require(TestClient.csrfToken(in: html))
            let done = try await landlord.send(.POST, "\(path)/tenancies/\(tenancy.id!)/checkout", form: ["_csrf": token])
            #expect(done.status == .seeOther)
            let closed = try #require(try await Tenancy.find(tenancy.id, on: app.db))
            #expect(closed.movedOut == TenantCheckIn.dayString(app.lianxin.now()) && closed.checkedOutBy == "landlord:\(unit.publicCode)")
            #expect(try await auditActions(app).contains { $0.action == "tenancy.check-out" && $0.target == "tenancy:\(tenancy.id!)" })
            let after = try await landlord.send(.GET, path + "?checkedOut=1").body.string
            #expect(!after.contains("李**") && after.contains("王*"))
            #expect(try await landlord.send(.POST, "\(path)/tenancies/\(tenancy.id!)/checkout", form: ["_csrf": token]).status == .notFound)
            let forged = try await TestClient(app: app).send(.POST, "\(path)/tenancies/\(tenancy.id!)/checkout", form: [:])
            #expect(forged.status == .forbidden, "a cross-site post has no token")
            // Checked out, the tenant may check in again.
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app)).status == .ok)
        }
    }

    @Test func theGridMemberSeesAndCompletesTheVisitTask() async throws {
        try await withLianxin(demo: true) { app, _ in
            let unit = try await createUnit(app)
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app)).status == .ok)
            let member = try await signIn("gridmember", app)
            let tasks = try await member.client.send(.GET, "/api/v1/visit-tasks").json([VisitTaskDTO].self)
            #expect(tasks.count == 1)
            let task = try #require(tasks.first)
            #expect(task.kind == "newTenant" && task.tenantName == "李四海" && task.address == unit.address && !task.overdue)
            let staff = try await signIn("community", app)
            #expect(try await staff.client.send(.GET, "/api/v1/visit-tasks").json([VisitTaskDTO].self).isEmpty, "only the assignee's tasks")
            #expect(
                try await staff.client.send(
                    .POST, "/api/v1/visit-tasks/\(task.id)/done", headers: ["X-CSRF-Token": staff.csrf],
                    json: ["note": "x"]
                ).status == .notFound)

            let done = try await member.client.send(
                .POST, "/api/v1/visit-tasks/\(task.id)/done", headers: ["X-CSRF-Token": member.csrf],
                json: ["note": "已上门走访，租客情况正常"])
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try done.json(VisitTaskDTO.self).doneAt != nil)
            #expect(try await member.client.send(.GET, "/api/v1/visit-tasks").json([VisitTaskDTO].self).isEmpty)
            #expect(
                try await member.client.send(
                    .POST, "/api/v1/visit-tasks/\(task.id)/done", headers: ["X-CSRF-Token": member.csrf],
                    json: ["note": ""]
                ).status == .conflict)
            #expect(try await auditActions(app).contains { $0.action == "visit-task.done" })
        }
    }

    @Test func dualManagementShowsTheRegistrationPlaceAndTheResidencePlaceAndNobodyElse() async throws {
        try await withLianxin(demo: true) { app, client in
            let unit = try await createUnit(app)
            #expect(try await checkIn(app, code: unit.publicCode, goodForm(app)).status == .ok)
            let registration = try await bearer("gfleader", role: "leader", division: "361103", app)
            let unrelated = try await bearer("gxleader", role: "leader", division: "361104", app)
            func list(_ direction: String, _ headers: HTTPHeaders) async throws -> (rows: [FloatingResidentDTO], raw: String) {
                let response = try await client.send(.GET, "/api/v1/floating-residents?direction=\(direction)", headers: headers)
                #expect(response.status == .ok, "\(response.body.string)")
                return (try response.json([FloatingResidentDTO].self), response.body.string)
            }

            let outgoing = try await list("outgoing", registration)
            #expect(outgoing.rows.count == 1)
            let row = try #require(outgoing.rows.first)
            #expect(
                row.name == "李**" && row.idNumber.hasPrefix("361103********") && row.communityCode == DemoResidents.community
                    && row.since == TenantCheckIn.dayString(app.lianxin.now()))
            #expect(
                row.address == nil && row.tenancyId == nil && !outgoing.raw.contains(unit.address) && !outgoing.raw.contains("周"),
                "nothing about the unit or the landlord")
            #expect(try await list("incoming", registration).rows.isEmpty)

            let staff = try await signIn("community", app)
            let incoming = try await staff.client.send(.GET, "/api/v1/floating-residents?direction=incoming").json([FloatingResidentDTO].self)
            #expect(incoming.count == 1 && incoming.first?.address == unit.address && incoming.first?.registrationDivisionName == "广丰区")
            #expect(try await staff.client.send(.GET, "/api/v1/floating-residents?direction=outgoing").json([FloatingResidentDTO].self).isEmpty)

            #expect(try await list("outgoing", unrelated).rows.isEmpty)
            #expect(try await list("incoming", unrelated).rows.isEmpty)
            #expect(try await client.send(.GET, "/api/v1/floating-residents?direction=sideways", headers: unrelated).status == .unprocessableEntity)
        }
    }

    @Test func aUnitOutsideYourScopeIsNotFound() async throws {
        try await withLianxin(demo: true) { app, _ in
            let elsewhere = try #require(
                try await Grid.query(on: app.db).filter(\.$communityCode != DemoResidents.community)
                    .filter(\.$validTo == nil).sort(\.$code).first())
            // Staff of the other community register the unit (the system admin holds no resident data).
            try await makeAccount("elsewhere-staff", app, role: "communityStaff", password: DemoSeeder.password, division: elsewhere.communityCode)
            let other = try await signIn("elsewhere-staff", app)
            let created = try await other.client.send(
                .POST, "/api/v1/rental-units", headers: ["X-CSRF-Token": other.csrf],
                json: [
                    "gridCode": elsewhere.code, "address": "别处 1 号", "landlordName": "吴房东", "landlordPhone": "13907930002",
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let unit = try created.json(RentalUnitDTO.self)

            let staff = try await signIn("community", app)
            for suffix in ["", "/qr.png", "/qr.svg"] {
                #expect(try await staff.client.send(.GET, "/api/v1/rental-units/\(unit.id)\(suffix)").status == .notFound)
            }
            #expect(try await staff.client.send(.GET, "/api/v1/rental-units").json(ListPage<RentalUnitDTO>.self).items.isEmpty)
            let refused = try await staff.client.send(
                .POST, "/api/v1/rental-units", headers: ["X-CSRF-Token": staff.csrf],
                json: [
                    "gridCode": elsewhere.code, "address": "别处 2 号", "landlordName": "吴房东", "landlordPhone": "13907930002",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await auditActions(app).contains { $0.action == "scope.denied" && $0.target == "rental-unit:\(unit.id)" })
        }
    }
}
