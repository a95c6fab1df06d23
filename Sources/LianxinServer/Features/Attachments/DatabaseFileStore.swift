import Foundation
import Fluent
import SQLKit

/// Files as rows of `file_blobs`, in the same database as everything else.
struct DatabaseFileStore: FileStore {
    var inDatabase: Bool { true }

    func put(_ data: Data, key: String, on db: any Database) async throws {
        try await FileBlob(key: key, data: data).create(on: db)
    }

    func get(_ key: String, on db: any Database) async throws -> Data? {
        try await FileBlob.find(key, on: db)?.data
    }

    func delete(_ key: String, on db: any Database) async throws {
        try await FileBlob.query(on: db).filter(\.$id == key).delete()
    }
}

/// The bytes of one stored file (database file store).
final class FileBlob: Model, @unchecked Sendable {
    static let schema = "file_blobs"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "data") var data: Data

    init() {}

    init(key: String, data: Data) {
        self.id = key
        self.data = data
    }
}
