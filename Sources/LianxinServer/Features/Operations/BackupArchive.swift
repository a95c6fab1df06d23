import Foundation
import Crypto
import LianxinCore

/// The backup file: our own container, written and read as a stream so that a large database never
/// sits in memory. After an 8-byte magic, each entry is `F`, the name's length (UInt32, big endian),
/// the name (UTF-8), the size (UInt64, big endian) and the bytes; `E` ends the file. The manifest is
/// the last entry and lists every other entry's SHA-256.
enum BackupArchive {
    static let magic = Data("LXBKUP01".utf8)
    static let manifestName = "manifest.json"
    private static let chunk = 1 << 20

    /// Writes entries one after another into a new file.
    final class Writer {
        private let handle: FileHandle
        private(set) var entries: [BackupManifest.Entry] = []

        /// Creates `path` (mode 0600; refused if it exists).
        init(path: String) throws {
            try DataFiles.createDirectory((path as NSString).deletingLastPathComponent)
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure("\(path) exists already; name a new file")
            }
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure("cannot create \(path)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: BackupArchive.magic)
        }

        /// Copies the file at `source` in as `name`, hashing it on the way.
        func add(file source: String, as name: String) throws {
            let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
            defer { try? input.close() }
            let size = try input.seekToEnd()
            try input.seek(toOffset: 0)
            try header(name, size: size)
            var hasher = SHA256()
            var copied: UInt64 = 0
            while copied < size, let data = try input.read(upToCount: BackupArchive.chunk), !data.isEmpty {
                hasher.update(data: data)
                try handle.write(contentsOf: data)
                copied += UInt64(data.count)
            }
            guard copied == size else { throw CommandFailure("\(source) changed while it was copied") }
            entries.append(.init(name: name, size: Int64(size), sha256: BackupArchive.hex(hasher.finalize())))
        }

        /// Adds `data` as `name` (the manifest).
        func add(data: Data, as name: String) throws {
            try header(name, size: UInt64(data.count))
            try handle.write(contentsOf: data)
        }

        /// Ends the file and flushes it to the disk.
        func finish() throws {
            try handle.write(contentsOf: Data("E".utf8))
            try handle.synchronize()
            try handle.close()
        }

        private func header(_ name: String, size: UInt64) throws {
            let nameBytes = Data(name.utf8)
            var data = Data("F".utf8)
            withUnsafeBytes(of: UInt32(nameBytes.count).bigEndian) { data.append(contentsOf: $0) }
            data.append(nameBytes)
            withUnsafeBytes(of: size.bigEndian) { data.append(contentsOf: $0) }
            try handle.write(contentsOf: data)
        }
    }

    /// Unpacks `path` into `folder` (entries keep their names as relative paths), checks every
    /// entry against the manifest's checksum and returns the manifest. Nothing outside `folder` is
    /// written: a name with `..` or a leading `/` is refused.
    static func extract(_ path: String, into folder: String) throws -> BackupManifest {
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? input.close() }
        guard try input.read(upToCount: magic.count) == magic else { throw BackupProblem.notABackup }
        var found: [String: BackupManifest.Entry] = [:]
        var manifestData: Data?
        while true {
            guard let kind = try input.read(upToCount: 1), kind.count == 1 else { throw BackupProblem.truncated }
            if kind == Data("E".utf8) { break }
            guard kind == Data("F".utf8) else { throw BackupProblem.notABackup }
            let nameLength = Int(try number(input, bytes: 4))
            guard nameLength > 0, nameLength < 4096, let nameData = try input.read(upToCount: nameLength), nameData.count == nameLength
            else { throw BackupProblem.truncated }
            let name = String(decoding: nameData, as: UTF8.self)
            guard safe(name) else { throw BackupProblem.unsafeEntryName(name) }
            let size = try number(input, bytes: 8)
            if name == manifestName {
                guard size < 64 << 20, let data = try input.read(upToCount: Int(size)), data.count == Int(size) else { throw BackupProblem.truncated }
                manifestData = data
                continue
            }
            let target = (folder as NSString).appendingPathComponent(name)
            try DataFiles.createDirectory((target as NSString).deletingLastPathComponent)
            guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure("cannot create \(target)")
            }
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
            var hasher = SHA256()
            var left = size
            while left > 0 {
                guard let data = try input.read(upToCount: Int(min(UInt64(chunk), left))), !data.isEmpty else {
                    try? output.close()
                    throw BackupProblem.truncated
                }
                hasher.update(data: data)
                try output.write(contentsOf: data)
                left -= UInt64(data.count)
            }
            try output.close()
            found[name] = .init(name: name, size: Int64(size), sha256: hex(hasher.finalize()))
        }
        guard let manifestData else { throw BackupProblem.missingManifest }
        let manifest = try BackupManifest.decode(manifestData)
        for entry in manifest.entries {
            guard let actual = found[entry.name] else { throw BackupProblem.missingEntry(entry.name) }
            guard actual == entry else { throw BackupProblem.checksumMismatch(entry: entry.name) }
        }
        return manifest
    }

    /// Reads only the manifest (the last entry), skipping the others.
    static func manifest(of path: String) throws -> BackupManifest {
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? input.close() }
        guard try input.read(upToCount: magic.count) == magic else { throw BackupProblem.notABackup }
        while true {
            guard let kind = try input.read(upToCount: 1), kind == Data("F".utf8) else { throw BackupProblem.missingManifest }
            let nameLength = Int(try number(input, bytes: 4))
            guard let nameData = try input.read(upToCount: nameLength), nameData.count == nameLength else { throw BackupProblem.truncated }
            let size = try number(input, bytes: 8)
            if String(decoding: nameData, as: UTF8.self) == manifestName {
                guard size < 64 << 20, let data = try input.read(upToCount: Int(size)), data.count == Int(size) else { throw BackupProblem.truncated }
                return try BackupManifest.decode(data)
            }
            try input.seek(toOffset: try input.offset() + size)
        }
    }

    static func safe(_ name: String) -> Bool {
        !name.hasPrefix("/") && !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty || $0 == "." }
    }

    private static func number(_ input: FileHandle, bytes: Int) throws -> UInt64 {
        guard let data = try input.read(upToCount: bytes), data.count == bytes else { throw BackupProblem.truncated }
        return data.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
