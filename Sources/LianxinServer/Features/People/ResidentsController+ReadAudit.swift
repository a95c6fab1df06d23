import Vapor
import Fluent

/// Every read of residents' personal data is audited before it is shown: one entry per community on
/// a list page (naming the residents), one per resident or household viewed.
extension ResidentsController {
    static func auditShown(_ residents: [Resident], target: String, _ req: Request) async throws {
        let byCommunity = Dictionary(grouping: residents, by: \.communityCode)
        for (community, rows) in byCommunity.sorted(by: { $0.key < $1.key }) {
            let ids = rows.compactMap { $0.id?.uuidString.lowercased() }.joined(separator: ",")
            try await req.auditDisclosure(
                .personalDataViewed, target: target, recordDivision: community,
                detail: "\(req.method.rawValue) \(req.url.path) residents: \(ids)")
        }
    }
}
