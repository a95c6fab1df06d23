import Foundation
import Crypto

/// Where an encrypted value lives: its table, column and row. A ciphertext is bound to it as
/// AES-GCM associated data, so a ciphertext copied to another row or column does not decrypt.
public struct FieldAddress: Sendable, Hashable {
    public let table: String
    public let column: String
    public let row: UUID

    public init(_ table: String, _ column: String, row: UUID) {
        self.table = table
        self.column = column
        self.row = row
    }

    var associatedData: Data { Data("lianxin-field-v2|\(table)|\(column)|\(row.uuidString.lowercased())".utf8) }
}

/// Encrypts personal data at rest (AES-GCM) and computes its blind index (HMAC-SHA256), with keys
/// derived from the keyring so that one secret serves each purpose separately.
///
/// A ciphertext is `"LX" 0x02 <id length> <key id> <nonce ciphertext tag>`. Ciphertexts written
/// before key ids existed (nonce, ciphertext and tag only, no associated data) are still read,
/// with any key of the ring; `lianxin keys rotate` rewrites them in the current format.
public struct FieldCipher: Sendable {
    static let magic: [UInt8] = [0x4C, 0x58, 0x02]

    private let source: KeyRingSource
    // Key bytes rather than `SymmetricKey`, which is not `Sendable` in this swift-crypto.
    private let indexKeyBytes: Data
    private let tokenKeyBytes: Data

    private var indexKey: SymmetricKey { SymmetricKey(data: indexKeyBytes) }
    private var tokenKey: SymmetricKey { SymmetricKey(data: tokenKeyBytes) }

    /// A cipher over a single key (id `k0`).
    public init(masterKey: Data) {
        self.init(ring: KeyRing(single: masterKey))
    }

    /// A cipher over `ring`; with `file`, the ring is re-read when the file changes.
    public init(ring: KeyRing, file: String? = nil) {
        source = KeyRingSource(ring: ring, file: file)
        indexKeyBytes = Self.derive(ring.indexKey, "blind-index-v1")
        tokenKeyBytes = Self.derive(ring.indexKey, "token-hash-v1")
    }

    static func derive(_ masterKey: Data, _ purpose: String) -> Data {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: masterKey), salt: Data("lianxin".utf8),
            info: Data(purpose.utf8), outputByteCount: 32
        ).withUnsafeBytes { Data($0) }
    }

    private static func encryptionKey(_ key: KeyRing.Key) -> SymmetricKey {
        SymmetricKey(data: derive(key.material, "field-encryption-v1"))
    }

    /// The keyring in use now.
    public var ring: KeyRing { source.ring() }

    /// Reads the keyring file again now (after `lianxin keys rotate` added a key to it).
    @discardableResult
    public func reload() -> KeyRing { source.ring(force: true) }

    /// Encrypts `plaintext` for the field at `address` under the current key.
    public func seal(_ plaintext: String, for address: FieldAddress) throws -> Data {
        try seal(plaintext, associatedData: address.associatedData)
    }

    /// Decrypts what `seal(_:for:)` wrote for the same address (or an old ciphertext without key id).
    public func open(_ sealed: Data, for address: FieldAddress) throws -> String {
        try open(sealed, associatedData: address.associatedData)
    }

    /// Encrypts `plaintext` for `column` of the row `row`.
    func seal(_ plaintext: String, for column: EncryptedColumn, row: UUID) throws -> Data {
        try seal(plaintext, for: column.at(row))
    }

    /// Decrypts what `seal(_:for:row:)` wrote for the same column and row.
    func open(_ sealed: Data, for column: EncryptedColumn, row: UUID) throws -> String {
        try open(sealed, for: column.at(row))
    }

    /// Encrypts a value that is bound to no row (an account's second-factor secret): it carries the
    /// key id, so rotation re-encrypts it, but it could be moved to another row of its column.
    public func seal(_ plaintext: String) throws -> Data {
        try seal(plaintext, associatedData: Data("lianxin-field-v2|unbound".utf8))
    }

    /// Decrypts what `seal(_:)` wrote.
    public func open(_ sealed: Data) throws -> String {
        try open(sealed, associatedData: Data("lianxin-field-v2|unbound".utf8))
    }

    private func seal(_ plaintext: String, associatedData: Data) throws -> Data {
        let key = source.ring().current
        guard let combined = try AES.GCM.seal(Data(plaintext.utf8), using: Self.encryptionKey(key), authenticating: associatedData).combined
        else { throw CipherError.sealFailed }
        return Data(Self.magic) + Data([UInt8(key.id.utf8.count)]) + Data(key.id.utf8) + combined
    }

    private func open(_ sealed: Data, associatedData: Data) throws -> String {
        var failure: any Error = CipherError.noKeyOpens
        if let parts = Self.split(sealed) {
            var key = source.ring().key(id: parts.id)
            if key == nil { key = source.ring(force: true).key(id: parts.id) }
            do {
                guard let key else { throw CipherError.unknownKey(parts.id) }
                let box = try AES.GCM.SealedBox(combined: parts.body)
                return try Self.text(try AES.GCM.open(box, using: Self.encryptionKey(key), authenticating: associatedData))
            } catch {
                failure = error
            }
        }
        // Written before key ids: no associated data, under one of the ring's keys.
        if let box = try? AES.GCM.SealedBox(combined: sealed) {
            for key in source.ring().keys.reversed() {
                if let data = try? AES.GCM.open(box, using: Self.encryptionKey(key)) { return try Self.text(data) }
            }
        }
        throw failure
    }

    /// The key id of a ciphertext, or nil for one written before key ids.
    public static func keyID(of sealed: Data) -> String? { split(sealed)?.id }

    private static func split(_ sealed: Data) -> (id: String, body: Data)? {
        let bytes = [UInt8](sealed)
        guard bytes.count > magic.count + 1 + 28, Array(bytes.prefix(magic.count)) == magic else { return nil }
        let length = Int(bytes[magic.count])
        let start = magic.count + 1
        guard length > 0, bytes.count >= start + length + 28,
            let id = String(bytes: bytes[start..<(start + length)], encoding: .utf8), KeyRing.isValid(id: id)
        else { return nil }
        return (id, Data(bytes[(start + length)...]))
    }

    private static func text(_ data: Data) throws -> String {
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

    enum CipherError: Error { case sealFailed, notText, unknownKey(String), noKeyOpens }
}

extension Data {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
