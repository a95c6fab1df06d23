import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files Lianxin keeps (the SQLite database, the keyring, uploaded photos, exports) are its
/// own: files 0600 and folders 0700, whatever the umask of whoever started the process.
enum DataFiles {
    static let fileMode: mode_t = 0o600
    static let directoryMode: mode_t = 0o700

    /// Sets the process umask to 077 so that everything created from now on (SQLite's -wal and -shm
    /// files included) is private; returns the previous umask.
    @discardableResult
    static func restrictUmask() -> mode_t { umask(0o077) }

    /// Creates `path` and missing parents as private folders.
    static func createDirectory(_ path: String) throws {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            guard mkdir(folder, directoryMode) == 0 || errno == EEXIST else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: folder])
            }
            chmod(folder, directoryMode)
        }
    }

    /// Writes `data` to `path` atomically (a private temporary file renamed over it), mode 0600.
    static func save(_ data: Data, to path: String) throws {
        try createDirectory((path as NSString).deletingLastPathComponent)
        let temporary = path + ".tmp-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, fileMode)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        fchmod(descriptor, fileMode)
        let written = data.withUnsafeBytes { buffer in buffer.baseAddress.map { write(descriptor, $0, buffer.count) } ?? 0 }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Creates an empty private file at `path` unless one exists; makes an existing one private.
    static func touch(_ path: String) throws {
        try createDirectory((path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_WRONLY | O_CREAT, fileMode)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        fchmod(descriptor, fileMode)
        close(descriptor)
    }

    /// Makes an existing file (0600) or folder (0700) private.
    static func restrict(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard chmod(path, isDirectory.boolValue ? directoryMode : fileMode) == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
