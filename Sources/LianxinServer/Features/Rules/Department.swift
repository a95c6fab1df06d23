import Fluent
import Foundation

/// A unit that handles work orders (城管, 住建, 供水…), attached to a division.
final class Department: Model, @unchecked Sendable {
    static let schema = "departments"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "active") var active: Bool

    init() {}

    init(code: String, name: String, divisionCode: String) {
        self.code = code
        self.name = name
        self.divisionCode = divisionCode
        self.active = true
    }
}
