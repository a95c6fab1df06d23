import Foundation
import Testing
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// The registry's multi-row inserts, run directly and read back through the models.
@Suite struct PeopleQueriesTests {
    private let now = Date(timeIntervalSince1970: 1_770_000_000)
    private let community = "361102001001"
    private let grid = "361102001001001"

    private func addCommunity(_ db: any Database) async throws {
        let division = Division()
        division.id = community
        division.name = "测试社区"
        division.level = DivisionLevel.community.rawValue
        try await division.create(on: db)
    }

    private func building(_ name: String, position: GeoPoint? = nil) -> PeopleQueries.NewBuilding {
        .init(id: UUID(), gridCode: grid, communityCode: community, name: name, kind: "residential", createdAt: now, position: position)
    }

    @Test func buildingsAreInsertedInBatchesWithTheirPositions() async throws {
        try await withLianxin { app, _ in
            try await addCommunity(app.db)
            let many = (0...PeopleQueries.batchSize).map { building("\($0)栋") }
            let placed = building("幸福楼", position: GeoPoint(lon: 113.85, lat: 27.63))
            try await PeopleQueries.insert(many + [placed], on: app.db)

            #expect(try await Building.query(on: app.db).count() == PeopleQueries.batchSize + 2)
            let read = try #require(try await Building.find(placed.id, on: app.db))
            #expect(read.name == "幸福楼" && read.gridCode == grid && read.communityCode == community && read.kind == "residential")
            #expect(read.latitude == 27.63 && read.longitude == 113.85)
            #expect(try await Building.find(many[0].id, on: app.db)?.latitude == nil)
        }
    }

    @Test func householdsAndResidentsAreInsertedWithTheirTagsAndSealedFields() async throws {
        try await withLianxin { app, _ in
            try await addCommunity(app.db)
            let home = building("1栋")
            try await PeopleQueries.insert([home], on: app.db)
            let householdID = UUID(), headID = UUID()
            try await PeopleQueries.insert(
                [
                    PeopleQueries.NewHousehold(
                        id: householdID, buildingID: home.id, door: "101", address: "1栋 101", gridCode: grid, communityCode: community,
                        headResidentID: headID, tags: ["hardship", "livingAloneElderly"], createdAt: now)
                ], on: app.db)
            try await PeopleQueries.insert(
                [
                    PeopleQueries.NewResident(
                        id: headID, householdID: householdID, buildingID: home.id, gridCode: grid, communityCode: community, name: "李大爷",
                        gender: "male", birthDate: "1950-03-01", idNumberCipher: Data([9, 8, 7]), idNumberIndex: "index-1", phoneCipher: nil,
                        phoneIndex: nil, relation: "head", tags: ["livingAloneElderly"], registrationDivision: "361102", residenceType: "local",
                        createdAt: now)
                ], on: app.db)

            let household = try #require(try await Household.find(householdID, on: app.db))
            #expect(household.address == "1栋 101" && household.headResidentID == headID && household.buildingID == home.id)
            #expect(TagList.decode(household.tags) == ["hardship", "livingAloneElderly"])
            let resident = try #require(try await Resident.find(headID, on: app.db))
            #expect(resident.name == "李大爷" && resident.householdID == householdID && resident.idNumberCipher == Data([9, 8, 7]))
            #expect(resident.phoneCipher == nil && resident.registrationDivision == "361102" && resident.tags == ",livingAloneElderly,")
            #expect(resident.createdAt == now && resident.updatedAt == now)
        }
    }

    @Test func insertingNothingWritesNothing() async throws {
        try await withLianxin { app, _ in
            try await PeopleQueries.insert([PeopleQueries.NewResident](), on: app.db)
            try await PeopleQueries.insert([PeopleQueries.NewBuilding](), on: app.db)
            #expect(try await Resident.query(on: app.db).count() == 0)
            #expect(try await Building.query(on: app.db).count() == 0)
        }
    }
}
