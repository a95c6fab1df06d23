import Vapor
import NIOConcurrencyHelpers

/// Bcrypt hashing off the event loop, with the configured cost.
struct Passwords: Sendable {
    let threadPool: NIOThreadPool
    let cost: Int
    let metrics: MetricsRegistry

    init(application: Application) {
        threadPool = application.threadPool
        cost = application.lianxin.settings.bcryptCost
        metrics = application.lianxin.metrics
    }

    /// The counter of bcrypt checks (each sign-in answer spends exactly one).
    static let checksMetric = "lianxin_password_checks_total"

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        metrics.increment(Self.checksMetric)
        return try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// Spends the time of one real check (against a hash of a random password made with the configured
    /// cost), so that an answer without a password to check takes as long as one with.
    func verifyDecoy(_ password: String) async {
        let decoy: String
        if let known = Self.decoys.withLockedValue({ $0[cost] }) {
            decoy = known
        } else if let made = try? await hash(FieldCipher.randomToken()) {
            Self.decoys.withLockedValue { $0[cost] = made }
            decoy = made
        } else {
            return
        }
        _ = try? await verify(password, against: decoy)
    }

    /// Whether `password` is one of the passwords whose hashes are given (the password history).
    func matchesAny(_ password: String, _ hashes: [String]) async throws -> Bool {
        for hash in hashes where try await verify(password, against: hash) { return true }
        return false
    }

    private static let decoys = NIOLockedValueBox<[Int: String]>([:])
}
