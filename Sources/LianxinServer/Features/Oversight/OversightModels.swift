import Fluent
import Foundation
import Vapor

/// A confidential report about an official's conduct (监督一点通). Only the discipline commission reads it; the reporter
/// follows it with its tracking code and the secret only they were shown (kept here as a hash). The reporter's name and
/// phone, when given, are sealed at rest.
final class ConductReport: Model, @unchecked Sendable {
    static let schema = "oversight_reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "tracking_code") var trackingCode: String
    /// SHA-256 (hex) of the secret, bound to the tracking code.
    @Field(key: "secret_hash") var secretHash: String
    /// The village or township where the official serves.
    @Field(key: "division_code") var divisionCode: String
    /// Whom the report is about: a name and/or a post, as the reporter wrote it.
    @Field(key: "official") var official: String
    @Field(key: "what") var what: String
    /// `YYYY-MM-DD`, when it happened (optional).
    @OptionalField(key: "happened_on") var happenedOn: String?
    /// 初信初访: the reporter says it is the first time they raise this matter.
    @Field(key: "first_time") var firstTime: Bool
    @OptionalField(key: "reporter_name_cipher") var reporterNameCipher: Data?
    @OptionalField(key: "reporter_phone_cipher") var reporterPhoneCipher: Data?
    @Field(key: "status") var status: String
    @OptionalField(key: "handler_id") var handlerID: UUID?
    @OptionalField(key: "handler_name") var handlerName: String?
    @OptionalField(key: "finding") var finding: String?
    /// What the reporter reads on the tracking page: the reason a report was not accepted, or the conclusion's reply.
    @OptionalField(key: "reply") var reply: String?
    /// The inspector's own note, never shown to the reporter.
    @OptionalField(key: "note") var note: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    init() {}
}

/// A problem an inspection group (巡察组) found and handed to a township or village to rectify at once (立行立改).
final class InspectionHandover: Model, @unchecked Sendable {
    static let schema = "oversight_handovers"
    @ID(key: .id) var id: UUID?
    /// The township or village it was handed to.
    @Field(key: "division_code") var divisionCode: String
    /// The inspection group's division (its county).
    @Field(key: "group_division_code") var groupDivisionCode: String
    @Field(key: "group_name") var groupName: String
    @Field(key: "title") var title: String
    @Field(key: "problem") var problem: String
    /// `YYYY-MM-DD`.
    @Field(key: "found_on") var foundOn: String
    /// `YYYY-MM-DD`, the last day of the rectification.
    @Field(key: "deadline") var deadline: String
    @Field(key: "status") var status: String
    /// What the township did, and its proof (text), from its latest reply.
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "proof") var proof: String?
    @OptionalField(key: "replied_by") var repliedBy: String?
    /// `YYYY-MM-DD` of the latest reply.
    @OptionalField(key: "replied_on") var repliedOn: String?
    /// Why the group returned the latest reply.
    @OptionalField(key: "return_reason") var returnReason: String?
    @Field(key: "returns") var returns: Int
    /// `YYYY-MM-DD` the group accepted the rectification.
    @OptionalField(key: "rectified_on") var rectifiedOn: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
