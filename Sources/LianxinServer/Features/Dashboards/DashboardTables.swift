import Vapor
import Fluent
import SQLKit
import LianxinCore

/// One assessment scheme as JSON (`AssessmentScheme`), editable by administrators.
final class AssessmentSchemeRecord: Model, @unchecked Sendable {
    static let schema = "assessment_schemes"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "scheme") var scheme: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "updated_by") var updatedBy: String

    init() {}
}
