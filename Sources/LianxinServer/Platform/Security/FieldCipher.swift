import Foundation
import Crypto

/// Encrypts personal data at rest (AES-GCM) and computes its blind index (HMAC-SHA256), both
/// with keys derived from the master secret so that one secret serves each purpose separately.
public struct FieldCipher: Sendable {
    // Key bytes rather than `SymmetricKey`, which is not `Sendable` in this swift-crypto.
    private let encryptionKeyBytes: Data
    private let indexKeyBytes: Data
    private let tokenKeyBytes: Data

    private var encryptionKey: SymmetricKey { SymmetricKey(data: encryptionKeyBytes) }
    private var indexKey: SymmetricKey { SymmetricKey(data: indexKeyBytes) }
    private var tokenKey: SymmetricKey { SymmetricKey(data: tokenKeyBytes) }

    public init(masterKey: Data) {
        func derive(_ purpose: String) -> Data {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: masterKey), salt: Data("lianxin".utf8),
                info: Data(purpose.utf8), outputByteCount: 32
            ).withUnsafeBytes { Data($0) }
        }
        encryptionKeyBytes = derive("field-encryption-v1")
        indexKeyBytes = derive("blind-index-v1")
        tokenKeyBytes = derive("token-hash-v1")
    }

    /// Encrypts `plaintext`; the result holds nonce, ciphertext and tag.
    public func seal(_ plaintext: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey).combined else {
            throw CipherError.sealFailed
        }
        return combined
    }

    /// Decrypts what `seal` produced.
    public func open(_ sealed: Data) throws -> String {
        let box = try AES.GCM.SealedBox(combined: sealed)
        let data = try AES.GCM.open(box, using: encryptionKey)
        guard let text = String(data: data, encoding: .utf8) else { throw CipherError.notText }
        return text
    }

    /// A deterministic keyed hash of a normalised value, for exact-match look-ups.
    public func blindIndex(_ value: String) -> String {
        let normalised = value.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return Data(HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: indexKey)).hexString
    }

    /// The hash under which a session or API token is stored (the token itself never is).
    public func tokenHash(_ token: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: tokenKey)).hexString
    }

    /// A random token of `bytes` bytes, URL-safe.
    public static func randomToken(bytes: Int = 32) -> String {
        SymmetricKey(size: .init(bitCount: bytes * 8)).withUnsafeBytes { Data($0) }
            .base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    enum CipherError: Error { case sealFailed, notText }
}

extension Data {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
