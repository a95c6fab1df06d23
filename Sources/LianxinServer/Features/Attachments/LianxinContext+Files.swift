import Foundation
import Fluent
import SQLKit

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
