import Foundation
import Fluent
import SQLKit
#if canImport(Glibc)
    import Glibc
#endif

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
        try DataFiles.createDirectory(folder)
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
