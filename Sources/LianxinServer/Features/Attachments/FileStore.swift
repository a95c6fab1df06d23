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
