import Vapor
import Fluent
import LianxinCore

/// Writing a checked file: missing buildings, then missing households, then residents, in one transaction.
extension ResidentImporter {
    /// Writes checked rows in one transaction: missing buildings, then missing households, then residents.
    func write(
        _ rows: [Row], actor: AuditActor, now: Date,
        progress: (@Sendable (ResidentImportProgress) -> Void)?
    ) async throws -> ResidentImportReport {
        let cipher = app.lianxin.cipher
        // Sealing is the costly part of a row; do it before taking the write lock.
        let residentIDs = rows.map { _ in UUID() }
        let sealed: [(id: Data, phone: Data?)] = try zip(rows, residentIDs).map { row, id in
            (
                try cipher.seal(row.idNumber.value, for: .residentIDNumber, row: id),
                try row.phone.map { try cipher.seal($0.value, for: .residentPhone, row: id) }
            )
        }
        return try await app.lianxin.writes.run {
            try await app.db.transaction { db -> ResidentImportReport in
                var buildings = try await Self.existingBuildings(of: rows, on: db)
                var newBuildings: [PeopleQueries.NewBuilding] = []
                for row in rows where buildings[row.grid + "\u{1F}" + row.building] == nil {
                    let id = UUID()
                    buildings[row.grid + "\u{1F}" + row.building] = id
                    newBuildings.append(
                        .init(
                            id: id, gridCode: row.grid, communityCode: row.community, name: row.building,
                            kind: row.buildingKind ?? "residential", createdAt: now, position: row.buildingPosition))
                }
                try await PeopleQueries.insert(newBuildings, on: db)

                var households = try await Self.existingHouseholds(of: rows, on: db)
                var heads: [String: UUID] = [:]
                for (row, id) in zip(rows, residentIDs) where row.relation == .head { heads[row.householdKey] = id }
                var newHouseholds: [String: (id: UUID, row: Row, tags: [String])] = [:]
                var order: [String] = []
                var tagUpdates: [UUID: [String]] = [:]
                for row in rows {
                    let key = row.householdKey
                    if let existing = households[key] {
                        let merged = existing.tags + row.householdTags.filter { !existing.tags.contains($0) }
                        if merged != existing.tags {
                            households[key] = (existing.id, existing.head, merged)
                            tagUpdates[existing.id] = merged
                        }
                    } else if var pending = newHouseholds[key] {
                        pending.tags += row.householdTags.filter { !pending.tags.contains($0) }
                        newHouseholds[key] = pending
                    } else {
                        newHouseholds[key] = (UUID(), row, row.householdTags)
                        order.append(key)
                    }
                }
                try await PeopleQueries.insert(
                    order.compactMap { key -> PeopleQueries.NewHousehold? in
                        guard let pending = newHouseholds[key], let building = buildings[pending.row.grid + "\u{1F}" + pending.row.building] else {
                            return nil
                        }
                        return .init(
                            id: pending.id, buildingID: building, door: pending.row.door, address: pending.row.building + " " + pending.row.door,
                            gridCode: pending.row.grid, communityCode: pending.row.community, headResidentID: heads[key], tags: pending.tags,
                            createdAt: now)
                    }, on: db)
                for (id, tags) in tagUpdates {
                    try await Household.query(on: db).filter(\.$id == id).set(\.$tags, to: TagList.encode(tags)).update()
                }

                var written = 0
                for start in stride(from: 0, to: rows.count, by: PeopleQueries.batchSize) {
                    let end = min(start + PeopleQueries.batchSize, rows.count)
                    var values: [PeopleQueries.NewResident] = []
                    values.reserveCapacity(end - start)
                    for position in start..<end {
                        let row = rows[position]
                        let key = row.householdKey
                        guard let household = households[key]?.id ?? newHouseholds[key]?.id,
                            let building = buildings[row.grid + "\u{1F}" + row.building]
                        else { continue }
                        values.append(
                            .init(
                                id: residentIDs[position], householdID: household, buildingID: building, gridCode: row.grid,
                                communityCode: row.community, name: row.name, gender: row.idNumber.gender.rawValue,
                                birthDate: row.idNumber.birthDate.description, idNumberCipher: sealed[position].id,
                                idNumberIndex: row.idIndex, phoneCipher: sealed[position].phone,
                                phoneIndex: row.phone.map { cipher.blindIndex($0.value) }, relation: row.relation.rawValue,
                                tags: row.tags, registrationDivision: row.registrationDivision, residenceType: row.residenceType,
                                createdAt: now))
                    }
                    try await PeopleQueries.insert(values, on: db)
                    written = end
                    if written % 10_000 == 0 || written == rows.count { progress?(.init(phase: .writing, done: written, total: rows.count)) }
                }
                // A household that existed without a head gets the file's.
                for (key, existing) in households where existing.head == nil {
                    if let head = heads[key] {
                        try await Household.query(on: db).filter(\.$id == existing.id).set(\.$headResidentID, to: head).update()
                    }
                }
                let report = ResidentImportReport(residents: rows.count, households: order.count, buildings: newBuildings.count)
                try await AuditLog.record(
                    .residentsImported, result: .success, actor: actor, target: "residents",
                    detail: "residents \(report.residents), new households \(report.households), new buildings \(report.buildings)",
                    at: now, on: db)
                return report
            }
        }
    }

    /// Buildings of the rows' grids already in the registry, by grid and name.
    static func existingBuildings(of rows: [Row], on db: any Database) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        for chunk in Array(Set(rows.map(\.grid))).chunked(500) {
            for building in try await Building.query(on: db).filter(\.$gridCode ~~ chunk).all() {
                found[building.gridCode + "\u{1F}" + building.name] = building.id
            }
        }
        return found
    }

    /// Households of the rows' buildings already in the registry, by grid, building and door.
    static func existingHouseholds(of rows: [Row], on db: any Database) async throws -> [String: (id: UUID, head: UUID?, tags: [String])] {
        let buildings = try await existingBuildings(of: rows, on: db)
        let names = Dictionary(buildings.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        var found: [String: (id: UUID, head: UUID?, tags: [String])] = [:]
        for chunk in Array(buildings.values).chunked(500) {
            for household in try await Household.query(on: db).filter(\.$buildingID ~~ chunk).all() {
                guard let id = household.id, let building = names[household.buildingID] else { continue }
                found[building + "\u{1F}" + household.door] = (id, household.headResidentID, TagList.decode(household.tags))
            }
        }
        return found
    }
}
