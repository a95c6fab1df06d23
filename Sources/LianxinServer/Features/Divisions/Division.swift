import Fluent
import Foundation
import LianxinCore

/// A node of the administrative tree, keyed by its canonical code.
final class Division: Model, @unchecked Sendable {
    static let schema = "divisions"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @OptionalField(key: "valid_from") var validFrom: Date?
    @OptionalField(key: "valid_to") var validTo: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(record: DivisionRecord) {
        self.id = record.code.value
        apply(record)
    }

    func apply(_ record: DivisionRecord) {
        name = record.name
        level = record.level.rawValue
        parentCode = record.parent?.value
        validFrom = record.validFrom
        validTo = record.validTo
    }

    var code: DivisionCode { DivisionCode(id ?? "")! }
}
