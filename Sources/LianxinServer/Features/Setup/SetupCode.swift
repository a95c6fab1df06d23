import Foundation

/// The one-time code that lets the person at the server's console, and nobody else, set up an empty
/// deployment from the browser: `serve` prints it while no account exists. It is derived from the
/// deployment's key, so every instance agrees on it and nothing is stored.
enum SetupCode {
    /// `ABCD-EF12-3456`: 48 bits of the keyed hash, in three groups.
    static func code(_ cipher: FieldCipher) -> String {
        let hex = cipher.tokenHash("lianxin-first-run-setup").prefix(12).uppercased()
        return stride(from: 0, to: 12, by: 4).map { start in
            String(hex.dropFirst(start).prefix(4))
        }.joined(separator: "-")
    }

    /// Whether `typed` is the code (case, spaces and hyphens ignored), compared in constant time.
    static func matches(_ typed: String?, _ cipher: FieldCipher) -> Bool {
        let normalise = { (text: String) in Array(text.uppercased().filter { $0.isLetter || $0.isNumber }.utf8) }
        let given = normalise(typed ?? ""), expected = normalise(code(cipher))
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
