import Foundation
import Fluent
import SQLKit

/// A photo (or other file) attached to an order: by whom, for what, and where its bytes are.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_size") var byteSize: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String
    @Field(key: "uploader") var uploader: String
    @OptionalField(key: "uploader_id") var uploaderID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
