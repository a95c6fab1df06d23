import Foundation
import Fluent
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// Where the bytes of uploaded files live. The attachment row is written only after `put` has
/// returned, so an acknowledged upload is never a row without its file.
protocol FileStore: Sendable {
    /// Whether `put` writes to the database (and so takes its turn among the serialized writes on SQLite).
    var inDatabase: Bool { get }
    /// Stores `data` under `key` durably (it survives a crash once this returns).
    func put(_ data: Data, key: String, on db: any Database) async throws
    /// The bytes under `key`, or nil.
    func get(_ key: String, on db: any Database) async throws -> Data?
    /// Removes `key` if present.
    func delete(_ key: String, on db: any Database) async throws
}

/// Files under a folder, two levels of sub-folders by key prefix; written to a temporary name,
/// fsynced, renamed into place and the folder fsynced.
struct DiskFileStore: FileStore {
    let root: String
    var inDatabase: Bool { false }

    private func path(_ key: String) throws -> String {
        guard key.count >= 8, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw FileStoreError.badKey(key) }
        let a = key.prefix(2), b = key.dropFirst(2).prefix(2)
        return "\(root)/\(a)/\(b)/\(key)"
    }

    func put(_ data: Data, key: String, on db: any Database) async throws {
        let final = try path(key)
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = final + ".part-\(UUID().uuidString)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw FileStoreError.io("open", errno) }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { let code = errno; close(fd); throw FileStoreError.io("write", code) }
                offset += written
            }
        }
        if fsync(fd) != 0 { let code = errno; close(fd); throw FileStoreError.io("fsync", code) }
        close(fd)
        guard rename(temporary, final) == 0 else { throw FileStoreError.io("rename", errno) }
        ok = true
        let dir = open(folder, O_RDONLY)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    func get(_ key: String, on db: any Database) async throws -> Data? {
        FileManager.default.contents(atPath: try path(key))
    }

    func delete(_ key: String, on db: any Database) async throws {
        unlink(try path(key))
    }
}

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

enum FileStoreError: Error, CustomStringConvertible {
    case badKey(String)
    case io(String, Int32)

    var description: String {
        switch self {
        case .badKey(let key): "bad file key \(key)"
        case .io(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
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

extension LianxinContext {
    /// Stores `data` under `key` (durable when `put` returns; in the database it takes its turn among
    /// the serialized writes), then writes the row that points at it with `record`. A crash in between
    /// leaves an unreferenced file, never a row without its file; a row that fails removes the file.
    func storeFile(_ data: Data, key: String, on db: any Database, thenRecord record: @Sendable () async throws -> Void) async throws {
        if files.inDatabase {
            try await writes.run { try await files.put(data, key: key, on: db) }
        } else {
            try await files.put(data, key: key, on: db)
        }
        do {
            try await writes.run { try await record() }
        } catch {
            try? await files.delete(key, on: db)
            throw error
        }
    }
}
