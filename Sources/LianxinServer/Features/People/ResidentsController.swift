import Vapor
import Fluent
import LianxinCore

/// The resident registry under /api/v1: residents (searchable by name, tag, building, grid and, by
/// blind index, exact ID number or phone), households with their members, buildings, the tag
/// catalogue, the all-or-nothing CSV import and the CSV export. Every list and lookup is limited
/// to the caller's registry scope; a record outside it answers 404.
struct ResidentsController: RouteCollection {
    /// The largest CSV import read (`LIANXIN_IMPORT_CSV_MB`).
    var csvBytes = ExposureLimits().importCSVBytes

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let residents = api.grouped("residents")
        residents.get(use: list)
        residents.get(":id", use: show)
        residents.post(":id", "unmask", use: unmask)
        residents.grouped(ImportLimits.SizeCheck(bytes: csvBytes))
            .on(.POST, "import", body: .collect(maxSize: ByteCount(integerLiteral: csvBytes)), use: importResidents)
        residents.post("exports", use: export)
        api.get("households", use: households)
        api.get("households", ":id", use: household)
        api.get("buildings", use: buildings)
        api.get("resident-tags", use: tags)
        api.put("resident-tags", ":code", use: putTag)
    }
}
