import Vapor
import LianxinCore

/// What the composition root hands to every handler: settings, keys, metrics, texts and the clock.
public struct LianxinContext: Sendable {
    public let settings: LianxinSettings
    public let cipher: FieldCipher
    public let metrics: MetricsRegistry
    public let localizer: Localizer
    public let passwordPolicy: PasswordPolicy
    public let lockout: LoginLockout
    public let sessionPolicy: SessionPolicy
    /// Serializes write transactions on SQLite.
    public let writes: WriteSerializer
    /// Calendar and SLA policies as last read from the database.
    let referenceCache: ReferenceData.Cache
    /// Group commit of new orders.
    let intake: IntakeBatcher
    /// Where uploaded photos are kept.
    let files: any FileStore
    /// Request rate limits of this instance.
    let limits = RateLimits()
    /// Principals resolved from sessions and tokens (`AuthCache`).
    let authCache: AuthCache
    /// Requests being handled (drained before shutdown).
    let inFlight = InFlightRequests()
    /// The category classifier in use (hot-swapped when a newer model is stored).
    let classifier: ClassifierRegistry
    /// China's provinces, cities and counties, the places people pick (`Resources/Data/divisions-china-counties.csv`).
    let places: PlaceDirectory
    /// The current time; tests replace it.
    public let now: @Sendable () -> Date

    init(
        settings: LianxinSettings, cipher: FieldCipher, metrics: MetricsRegistry, localizer: Localizer, passwordPolicy: PasswordPolicy,
        lockout: LoginLockout, sessionPolicy: SessionPolicy, writes: WriteSerializer, now: @escaping @Sendable () -> Date
    ) {
        self.settings = settings
        self.referenceCache = ReferenceData.Cache(restDayReceipt: settings.restDayReceipt)
        self.cipher = cipher
        self.metrics = metrics
        self.localizer = localizer
        self.passwordPolicy = passwordPolicy
        self.lockout = lockout
        self.sessionPolicy = sessionPolicy
        self.writes = writes
        self.intake = IntakeBatcher(writes: writes)
        self.authCache = AuthCache(lifetime: TimeInterval(settings.access.authCacheSeconds))
        self.classifier = ClassifierRegistry(resourcesDirectory: settings.resourcesDirectory)
        let placesFile = (settings.resourcesDirectory as NSString).appendingPathComponent(PlaceDirectory.shippedFile)
        self.places = PlaceDirectory(csv: (try? String(contentsOfFile: placesFile, encoding: .utf8)) ?? "")
        switch settings.fileStore {
        case .disk: self.files = DiskFileStore(root: (settings.dataDirectory as NSString).appendingPathComponent("files"))
        case .database: self.files = DatabaseFileStore()
        }
        self.now = now
    }
}

extension Application {
    private struct LianxinKey: StorageKey { typealias Value = LianxinContext }

    /// The Lianxin context set up by `configure`.
    public var lianxin: LianxinContext {
        get {
            guard let context = storage[LianxinKey.self] else { fatalError("configure(_:settings:) has not run") }
            return context
        }
        set { storage[LianxinKey.self] = newValue }
    }
}

extension Request {
    var lianxin: LianxinContext { application.lianxin }

    /// The client's address: the connection's peer, or behind trusted proxies the right-most
    /// `X-Forwarded-For` address that is not one of them (the left-hand entries may be forged).
    var clientIP: String? {
        lianxin.settings.trustedProxies.client(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }
}
