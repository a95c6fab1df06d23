import FluentPostgresDriver
import NIOSSL

extension DatabaseTLS {
    /// The PostgresNIO setting for this mode: verification as libpq's `sslmode` of the same name.
    func postgres() throws -> PostgresConnection.Configuration.TLS {
        guard mode != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile { configuration.trustRoots = .file(caFile) }
        switch mode {
        case .disable, .prefer: configuration.certificateVerification = .none
        case .require: configuration.certificateVerification = caFile == nil ? .none : .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }
}
