import Vapor
import Fluent
import LianxinCore

/// The department and category choices of the engagement forms.
extension EngagementPagesController {
    static func departments(_ req: Request) async throws -> [SelectOption] {
        try await Department.query(on: req.db).sort(\.$code).all().map { SelectOption(value: try $0.requireID().uuidString, label: $0.name) }
    }

    static func categories(_ req: Request) async throws -> [SelectOption] {
        try await Category.query(on: req.db).sort(\.$id).all().compactMap { category in
            guard let code = category.id, code.count > 2 else { return nil }
            return SelectOption(value: code, label: "\(code) \(category.name)")
        }
    }
}
