import Foundation
import Crypto

/// The development secret key kept in the data folder, readable by its owner only.
enum SecretKeyFile {
    /// Derives the 256-bit master key from the configured secret text.
    static func key(from secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Reads `secret.key` in `directory`, creating it (mode 0600) when absent.
    static func loadOrCreate(in directory: String) throws -> (Data, created: Bool) {
        let path = (directory as NSString).appendingPathComponent("secret.key")
        let files = FileManager.default
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return (key(from: text.trimmingCharacters(in: .whitespacesAndNewlines)), false)
        }
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        guard
            files.createFile(
                atPath: path, contents: Data((secret + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw LianxinSettings.Problem.invalid(variable: "LIANXIN_DATA_DIR", value: directory, reason: "cannot write secret.key")
        }
        return (key(from: secret), true)
    }
}
