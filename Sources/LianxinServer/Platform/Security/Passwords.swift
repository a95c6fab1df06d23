import Vapor

/// Bcrypt hashing off the event loop, with the configured cost.
struct Passwords: Sendable {
    let threadPool: NIOThreadPool
    let cost: Int

    init(application: Application) {
        threadPool = application.threadPool
        cost = application.lianxin.settings.bcryptCost
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
