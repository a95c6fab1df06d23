import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Leaf
import LianxinCore
import SQLKit

/// The composition root: everything the server needs, set up from `settings`. Tests call it with
/// their own settings (an in-memory database, a fixed clock).
public func configure(_ app: Application, settings: LianxinSettings, now: @escaping @Sendable () -> Date = { Date() }) async throws {
    DataFiles.restrictUmask()
    let localizer = try Localizer(directory: (settings.resourcesDirectory as NSString).appendingPathComponent("Locales"))
    app.lianxin = LianxinContext(
        settings: settings, cipher: FieldCipher(ring: settings.keyRing, file: settings.keyFile), metrics: MetricsRegistry(),
        localizer: localizer, passwordPolicy: PasswordPolicy(maximumAgeDays: settings.passwordMaxAgeDays == 0 ? nil : settings.passwordMaxAgeDays),
        lockout: LoginLockout(),
        sessionPolicy: SessionPolicy(), writes: WriteSerializer(enabled: settings.database.isSQLite), now: now)
    app.logger.logLevel = settings.logLevel
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    app.routes.defaultMaxBodySize = "2mb"
    app.directory = DirectoryConfiguration(workingDirectory: (settings.resourcesDirectory as NSString).deletingLastPathComponent + "/")

    try configureDatabase(app, settings: settings)
    app.migrations.add(MigrationHistory.all)

    app.views.use(.leaf)
    app.leaf.configuration.rootDirectory = (settings.resourcesDirectory as NSString).appendingPathComponent("Views") + "/"
    app.leaf.cache.isEnabled = app.environment.isRelease || settings.mode == .production

    app.middleware = Middlewares()
    app.middleware.use(InFlightMiddleware(requests: app.lianxin.inFlight), at: .beginning)
    app.lifecycle.use(DrainRequestsOnShutdown(requests: app.lianxin.inFlight))
    app.middleware.use(SecurityHeadersMiddleware(behindTLS: settings.publicBaseURL.hasPrefix("https:")))
    app.middleware.use(RequestObservationMiddleware(metrics: app.lianxin.metrics))
    app.middleware.use(RateLimitMiddleware(loginPerMinute: settings.loginPerMinute, publicPerMinute: settings.publicPerMinute))
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(PendingCookieMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(PageFormBridgeMiddleware())

    try app.register(collection: HealthController())
    try LianxinFeatures.routes(app)
}

/// Brings the schema up to date when the settings allow it (SQLite by default), and puts an SQLite
/// file in WAL mode. Commands that touch the database call this first; `migrate` migrates regardless.
public func prepareDatabase(_ app: Application) async throws {
    if case .sqliteFile = app.lianxin.settings.database {
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    }
    if app.lianxin.settings.autoMigrate {
        try await app.autoMigrate()
    }
    try await ReferenceData.seedIfEmpty(app)
}

private func configureDatabase(_ app: Application, settings: LianxinSettings) throws {
    switch settings.database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        // Private whatever the umask, also when an older version or another tool made them.
        try DataFiles.touch(path)
        for companion in [path + "-wal", path + "-shm"] { try DataFiles.restrict(companion) }
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case let .postgres(host, port, username, password, database, searchPath, tls):
        var configuration = SQLPostgresConfiguration(
            hostname: host, port: port, username: username, password: password,
            database: database, tls: try tls.postgres())
        if let searchPath { configuration.searchPath = [searchPath] }
        // No JIT: a dashboard query over many fine rollup rows passes the JIT cost threshold and then spends over a
        // second compiling its ~190 sums (PostgreSQL 15, a city's month of one channel at 10M orders: 1.1–1.8 s with
        // JIT, 0.55 s without). Our queries are short and planned anew, so compiling them never pays back.
        configuration.coreConfiguration.options.additionalStartupParameters = [("jit", "off")]
        app.databases.use(
            .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: 8,
                connectionPoolTimeout: .seconds(30)), as: .psql)
    }
}
