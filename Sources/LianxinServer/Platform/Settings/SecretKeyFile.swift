import Foundation
import Crypto

/// The keyring file (`DATA_DIR/secret.key` in development, `LIANXIN_SECRET_KEY_FILE` anywhere):
/// one key a line, `<key id> <secret>`, oldest first, the last line the current key; `#` starts a
/// comment. A line with only a secret (the format before key ids) is key `k0`. Mode 0600.
enum SecretKeyFile {
    /// Derives the 256-bit master key from the configured secret text.
    static func key(from secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    static func parse(_ text: String) throws(KeyRingError) -> KeyRing {
        var keys: [KeyRing.Key] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(whereSeparator: \.isWhitespace).map(String.init)
            switch parts.count {
            case 1 where keys.isEmpty: keys.append(try checked(id: "k0", secret: parts[0]))
            case 2: keys.append(try checked(id: parts[0], secret: parts[1]))
            default: throw .badLine(number + 1)
            }
        }
        return try KeyRing(keys: keys)
    }

    static func checked(id: String, secret: String) throws(KeyRingError) -> KeyRing.Key {
        guard secret.utf8.count >= 32 else { throw .shortSecret(id) }
        return KeyRing.Key(id: id, material: key(from: secret))
    }

    static func load(path: String) throws -> KeyRing {
        try parse(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// A fresh random secret (256 bits, base64).
    static func generateSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Reads the keyring at `path`, creating it with one generated key when absent.
    static func loadOrCreate(path: String) throws -> (KeyRing, created: Bool) {
        if FileManager.default.fileExists(atPath: path) {
            try DataFiles.restrict(path)
            return (try load(path: path), false)
        }
        let secret = generateSecret()
        try DataFiles.save(
            Data("# Lianxin keyring: <key id> <secret>, oldest first; the last line is the current key\nk0 \(secret)\n".utf8), to: path)
        return (KeyRing(single: key(from: secret)), true)
    }

    /// Reads `secret.key` in `directory`, creating it (mode 0600) when absent.
    static func loadOrCreate(in directory: String) throws -> (KeyRing, created: Bool) {
        try loadOrCreate(path: (directory as NSString).appendingPathComponent("secret.key"))
    }

    /// Appends a generated key to the keyring file, which makes it the current key; returns its id.
    static func appendGeneratedKey(to path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let id = try parse(text).nextID
        let updated = (text.hasSuffix("\n") ? text : text + "\n") + "\(id) \(generateSecret())\n"
        _ = try parse(updated)
        try DataFiles.save(Data(updated.utf8), to: path)
        return id
    }

    /// The keyring from the environment: `LIANXIN_SECRET_KEY` (current, id `LIANXIN_SECRET_KEY_ID`,
    /// default `k0`) with the other readable keys of `LIANXIN_PREVIOUS_SECRET_KEYS` (`id:secret,…`);
    /// or the keyring file `LIANXIN_SECRET_KEY_FILE`; or, in development, `DATA_DIR/secret.key`.
    static func ring(
        _ value: (String) -> String?, production: Bool, dataDirectory: String
    ) throws -> (ring: KeyRing, file: String?, warning: String?) {
        func invalid(_ variable: String, _ reason: String) -> LianxinSettings.Problem {
            .invalid(variable: variable, value: "(hidden)", reason: reason)
        }
        if let secret = value("LIANXIN_SECRET_KEY") {
            guard secret.utf8.count >= 32 else { throw invalid("LIANXIN_SECRET_KEY", "must be at least 32 characters") }
            var keys: [KeyRing.Key] = []
            for entry in (value("LIANXIN_PREVIOUS_SECRET_KEYS") ?? "").split(separator: ",") {
                let pair = entry.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { throw invalid("LIANXIN_PREVIOUS_SECRET_KEYS", "expected id:secret,id:secret") }
                do { keys.append(try checked(id: pair[0], secret: pair[1])) } catch { throw invalid("LIANXIN_PREVIOUS_SECRET_KEYS", "\(error)") }
            }
            keys.append(KeyRing.Key(id: value("LIANXIN_SECRET_KEY_ID") ?? "k0", material: key(from: secret)))
            do { return (try KeyRing(keys: keys), nil, nil) } catch { throw invalid("LIANXIN_SECRET_KEY_ID", "\(error)") }
        }
        if let path = value("LIANXIN_SECRET_KEY_FILE") {
            do { return (try loadOrCreate(path: path).0, path, nil) } catch { throw invalid("LIANXIN_SECRET_KEY_FILE", "\(error)") }
        }
        guard !production else { throw LianxinSettings.Problem.missingSecretKey }
        let path = (dataDirectory as NSString).appendingPathComponent("secret.key")
        let (ring, created) = try loadOrCreate(path: path)
        return (
            ring, path,
            created
                ? "LIANXIN_SECRET_KEY is not set: generated a development key in \(path) (mode 0600). Set LIANXIN_SECRET_KEY in production."
                : "LIANXIN_SECRET_KEY is not set: using the development key in \(path)."
        )
    }
}
