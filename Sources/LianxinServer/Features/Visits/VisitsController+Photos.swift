import Vapor
import Fluent
import Crypto
import LianxinCore

/// Photos taken on a visit, uploaded before the visit is recorded.
extension VisitsController {
    struct PhotoDTO: Content {
        var id: UUID
        var contentType: String
        var byteSize: Int
        var sha256: String
        var url: String
    }

    /// A photo for a visit about to be recorded: checked like every photo (an image by its bytes,
    /// within the size cap), stored, then cited by `photoIds` when the visit is recorded.
    func uploadPhoto(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        guard let householdID = try req.query.get(UUID?.self, at: "household"), let household = try await Household.find(householdID, on: req.db)
        else {
            throw Problem.invalid(field: "/household", "an existing household / 户不存在")
        }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(householdID)")
        }
        let upload = try PhotoUploads.photo(in: req)
        let context = req.lianxin
        let row = VisitPhoto()
        row.id = UUID()
        row.householdID = householdID
        row.uploaderID = principal.userID
        row.contentType = upload.format.contentType
        row.byteSize = upload.data.count
        row.sha256 = Data(SHA256.hash(data: upload.data)).hexString
        row.storageKey = UUID().uuidString.lowercased()
        row.createdAt = context.now()
        try await context.storeFile(upload.data, key: row.storageKey, on: req.db) { try await row.create(on: req.db) }
        return try await PhotoDTO(
            id: row.id!, contentType: row.contentType, byteSize: row.byteSize, sha256: row.sha256,
            url: "/api/v1/visits/photos/\(row.id!)"
        ).encodeResponse(status: .created, for: req)
    }

    /// A visit photo's bytes, for those who see the household.
    func photo(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let row = try await VisitPhoto.find(id, on: req.db),
            let household = try await Household.find(row.householdID, on: req.db)
        else { throw Problem.notFound("photo") }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("photo", target: "visit-photo:\(id)")
        }
        guard let data = try await req.lianxin.files.get(row.storageKey, on: req.db) else { throw Problem.notFound("photo") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: row.contentType)
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(row.sha256)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        return response
    }
}
