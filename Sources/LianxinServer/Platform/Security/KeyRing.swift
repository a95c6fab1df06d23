import Foundation
import NIOConcurrencyHelpers

/// The field-encryption keys: every key still needed to read what was written with it, oldest
/// first; the last one is current (new ciphertexts are sealed with it and carry its id).
public struct KeyRing: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        /// Short, printable and unique in the ring (`k0`, `k1`, …); stored in every ciphertext.
        public let id: String
        /// The 256-bit master key of this id.
        public let material: Data
    }

    public let keys: [Key]

    /// A ring of at least one key with distinct, well-formed ids.
    public init(keys: [Key]) throws(KeyRingError) {
        guard !keys.isEmpty else { throw .empty }
        var seen = Set<String>()
        for key in keys {
            guard Self.isValid(id: key.id) else { throw .badID(key.id) }
            guard seen.insert(key.id).inserted else { throw .duplicate(key.id) }
        }
        self.keys = keys
    }

    /// One key, id `k0` (a single secret, as before key ids existed).
    public init(single material: Data) {
        keys = [Key(id: "k0", material: material)]
    }

    public var current: Key { keys[keys.count - 1] }

    /// Blind indexes and token hashes stay keyed by key `k0` (the first key when there is none) so
    /// that look-ups and sessions survive a rotation (rotating re-encrypts; it does not re-index),
    /// whatever order the keys are listed in.
    public var indexKey: Data { (key(id: "k0") ?? keys[0]).material }

    public func key(id: String) -> Key? { keys.first { $0.id == id } }

    /// The id the next generated key gets: `k` and one more than the largest numbered id.
    public var nextID: String {
        let numbers = keys.compactMap { $0.id.hasPrefix("k") ? Int($0.id.dropFirst()) : nil }
        return "k\((numbers.max() ?? -1) + 1)"
    }

    /// 1–32 characters of letters, digits, `-` and `_`.
    public static func isValid(id: String) -> Bool {
        (1...32).contains(id.utf8.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

public enum KeyRingError: Error, Equatable, CustomStringConvertible {
    case empty, badID(String), duplicate(String), badLine(Int), shortSecret(String)

    public var description: String {
        switch self {
        case .empty: "the keyring holds no key"
        case .badID(let id): "key id \"\(id)\" must be 1–32 letters, digits, - or _"
        case .duplicate(let id): "key id \"\(id)\" appears twice"
        case .badLine(let line): "line \(line) is not \"<key id> <secret>\""
        case .shortSecret(let id): "the secret of key \(id) is shorter than 32 characters"
        }
    }
}

/// The keyring a running server uses. When the keys come from a keyring file, a ciphertext under
/// an unknown key id makes it read the file again (`lianxin keys rotate` added a key while the
/// server was serving), and sealing picks up a new current key within `recheck` seconds.
final class KeyRingSource: Sendable {
    private struct State {
        var ring: KeyRing
        var checked: Date
        var modified: Date?
    }

    let file: String?
    private let recheck: TimeInterval
    private let state: NIOLockedValueBox<State>

    init(ring: KeyRing, file: String?, recheck: TimeInterval = 10) {
        self.file = file
        self.recheck = recheck
        state = NIOLockedValueBox(State(ring: ring, checked: Date(), modified: file.flatMap(Self.modified)))
    }

    /// The ring, re-read from its file when `force` or when the file changed since the last look.
    func ring(force: Bool = false) -> KeyRing {
        guard let file else { return state.withLockedValue { $0.ring } }
        return state.withLockedValue { state in
            let now = Date()
            guard force || now.timeIntervalSince(state.checked) >= recheck else { return state.ring }
            state.checked = now
            let modified = Self.modified(file)
            guard force || modified != state.modified else { return state.ring }
            if let ring = try? SecretKeyFile.load(path: file) {
                state.ring = ring
                state.modified = modified
            }
            return state.ring
        }
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
