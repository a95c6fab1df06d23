import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The registry's hand-written SQL: the multi-row inserts a resident import writes its rows with (Fluent's one
/// INSERT per model is a hundred times slower on a file of 100 000 residents). Callers run them inside their
/// transaction; each call splits its rows into INSERTs of `batchSize`.
enum PeopleQueries {
    /// Rows per INSERT: 18 bound values each stays well under SQLite's and PostgreSQL's limits.
    static let batchSize = 1000

    /// A building to add to a grid.
    struct NewBuilding: Sendable {
        var id: UUID
        var gridCode: String
        var communityCode: String
        var name: String
        var kind: String
        var createdAt: Date
        var position: GeoPoint?
    }

    /// A household to add to a building.
    struct NewHousehold: Sendable {
        var id: UUID
        var buildingID: UUID
        var door: String
        var address: String
        var gridCode: String
        var communityCode: String
        var headResidentID: UUID?
        var tags: [String]
        var createdAt: Date
    }

    /// A resident to add to a household; the ID number and phone come sealed and blind-indexed.
    struct NewResident: Sendable {
        var id: UUID
        var householdID: UUID
        var buildingID: UUID
        var gridCode: String
        var communityCode: String
        var name: String
        var gender: String
        var birthDate: String
        var idNumberCipher: Data
        var idNumberIndex: String
        var phoneCipher: Data?
        var phoneIndex: String?
        var relation: String
        var tags: [String]
        var registrationDivision: String?
        var residenceType: String
        var createdAt: Date
    }

    /// Inserts `buildings` with multi-row INSERTs.
    static func insert(_ buildings: [NewBuilding], on db: any Database) async throws {
        let columns = ["id", "grid_code", "community_code", "name", "kind", "created_at", "latitude", "longitude"]
        for batch in buildings.chunked(batchSize) {
            try await db.sql.insertRows(
                into: Building.schema, columns: columns,
                batch.map { row in
                    [
                        SQLBind(row.id), SQLBind(row.gridCode), SQLBind(row.communityCode), SQLBind(row.name), SQLBind(row.kind),
                        SQLBind(row.createdAt), SQLBind(row.position?.lat), SQLBind(row.position?.lon),
                    ]
                })
        }
    }

    /// Inserts `households` with multi-row INSERTs.
    static func insert(_ households: [NewHousehold], on db: any Database) async throws {
        let columns = ["id", "building_id", "door", "address", "grid_code", "community_code", "head_resident_id", "tags", "created_at"]
        for batch in households.chunked(batchSize) {
            try await db.sql.insertRows(
                into: Household.schema, columns: columns,
                batch.map { row in
                    [
                        SQLBind(row.id), SQLBind(row.buildingID), SQLBind(row.door), SQLBind(row.address), SQLBind(row.gridCode),
                        SQLBind(row.communityCode), SQLBind(row.headResidentID), SQLBind(TagList.encode(row.tags)), SQLBind(row.createdAt),
                    ]
                })
        }
    }

    /// Inserts `residents` with multi-row INSERTs (`createdAt` is also their `updatedAt`).
    static func insert(_ residents: [NewResident], on db: any Database) async throws {
        let columns = [
            "id", "household_id", "building_id", "grid_code", "community_code", "name", "gender", "birth_date", "id_number_cipher",
            "id_number_index", "phone_cipher", "phone_index", "relation", "tags", "registration_division", "residence_type",
            "created_at", "updated_at",
        ]
        for batch in residents.chunked(batchSize) {
            try await db.sql.insertRows(
                into: Resident.schema, columns: columns,
                batch.map { row in
                    [
                        SQLBind(row.id), SQLBind(row.householdID), SQLBind(row.buildingID), SQLBind(row.gridCode), SQLBind(row.communityCode),
                        SQLBind(row.name), SQLBind(row.gender), SQLBind(row.birthDate), SQLBind(row.idNumberCipher), SQLBind(row.idNumberIndex),
                        SQLBind(row.phoneCipher), SQLBind(row.phoneIndex), SQLBind(row.relation), SQLBind(TagList.encode(row.tags)),
                        SQLBind(row.registrationDivision), SQLBind(row.residenceType), SQLBind(row.createdAt), SQLBind(row.createdAt),
                    ]
                })
        }
    }
}
