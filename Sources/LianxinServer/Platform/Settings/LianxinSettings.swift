import Foundation
import LianxinCore
import Logging
import Crypto

/// Every setting of a Lianxin server, read in one place from the environment (flags of the
/// `serve` command override host and port). The README's configuration table lists `documented`.
public struct LianxinSettings: Sendable {
    /// How strict the server is about its secrets.
    public enum Mode: String, Sendable { case development, production, testing }

    public var mode: Mode
    public var database: DatabaseURL
    public var host: String
    public var port: Int
    /// The field-encryption keys (see `SecretKeyFile`); the last is current.
    public var keyRing: KeyRing
    /// The keyring file, when the keys come from one (`lianxin keys rotate` adds keys to it).
    public var keyFile: String?
    /// The key of blind indexes and token hashes (`k0`, else the first).
    public var secretKey: Data { keyRing.indexKey }
    public var logLevel: Logger.Level
    public var publicBaseURL: String
    public var dataDirectory: String
    public var resourcesDirectory: String
    public var bcryptCost: Int
    public var seedDemo: Bool
    public var autoMigrate: Bool
    /// Proxies whose `X-Forwarded-For` entries are believed (none by default).
    public var trustedProxies: TrustedProxies
    /// Whether this instance sweeps SLA alerts (every instance may; claims never overlap).
    public var runScheduler: Bool
    /// Where uploaded photos are kept.
    public var fileStore: FileStoreKind
    /// The largest photo accepted, in bytes.
    public var maxUploadBytes: Int
    /// Whether the three administrator roles must give a TOTP code at sign-in.
    public var adminTOTP: Bool
    /// Days before a password must be changed (0: never).
    public var passwordMaxAgeDays: Int
    /// Sign-in attempts per client address per minute.
    public var loginPerMinute: Int
    /// Requests per client address per minute to the residents' API, the resident pages and Open311.
    public var publicPerMinute: Int
    /// When working-day limits start for a request received on a rest day (`LIANXIN_REST_DAY_RECEIPT`).
    public var restDayReceipt: RestDayReceipt = .nextWorkingDay
    /// How many days back a call by the same requester about the same category joins an open order as a repeat
    /// (重复诉求, `LIANXIN_REPEAT_WINDOW_DAYS`); 0 turns linking off.
    public var repeatWindowDays = 30
    /// What the public surfaces publish and accept, and how large imports may be.
    public var exposure = ExposureLimits()
    /// Token lifetime, the session cap and who reads `/metrics`.
    public var access = AccessSettings()
    /// Backups and personal-data retention.
    public var operations = OperationsSettings()
    /// SMS providers, robots, quiet hours and the revisit (#20).
    public var notifications = NotificationSettings()
    /// The talent map's trades, skills, pools and certificates (#23): the park's own file, else the shipped one.
    public var talentVocabulary: TalentVocabulary = .aviation

    /// `disk` keeps files under `DATA_DIR/files`; `database` keeps them in the database (several
    /// instances without shared storage).
    public enum FileStoreKind: String, Sendable { case disk, database }

    /// A line of the configuration table: variable, default, meaning.
    public struct Documented: Sendable {
        public let variable: String
        public let defaultValue: String
        public let meaning: String
    }

    public static let documented: [Documented] =
        platformSettings + ExposureLimits.documented + AccessSettings.documented
        + OperationsSettings.documented + NotificationSettings.documented

    private static let platformSettings: [Documented] = [
        .init(
            variable: "LIANXIN_ENV", defaultValue: "development",
            meaning: "`development` or `production` (production refuses to start without a secret key)"),
        .init(
            variable: "LIANXIN_DATABASE_URL", defaultValue: "sqlite://./data/lianxin.sqlite",
            meaning: "`sqlite://PATH` (WAL mode), `sqlite::memory:`, or `postgres://user:pass@host:port/db`"),
        .init(
            variable: "LIANXIN_DATABASE_SSLMODE", defaultValue: "verify-full, or disable for a server on loopback",
            meaning:
                "TLS to PostgreSQL: `disable`, `prefer`, `require` (checked against the CA file when one is named) or `verify-full` (certificate and host name); the URL's `?sslmode=` is the same, this variable wins"
        ),
        .init(
            variable: "LIANXIN_DATABASE_CA_FILE", defaultValue: "(the system's authorities)",
            meaning: "PEM file of the authorities that sign the PostgreSQL server's certificate (the URL's `?sslrootcert=` is the same)"),
        .init(variable: "LIANXIN_HOST", defaultValue: "127.0.0.1", meaning: "address to listen on (`serve --hostname` overrides)"),
        .init(variable: "LIANXIN_PORT", defaultValue: "8080", meaning: "port to listen on (`serve --port` overrides)"),
        .init(
            variable: "LIANXIN_SECRET_KEY", defaultValue: "(generated in development)",
            meaning:
                "at least 32 characters; the current key of field encryption (AES-GCM) and, while it is the only key, of blind indexes (HMAC). In development a keyring is generated into `DATA_DIR/secret.key` (mode 0600)"
        ),
        .init(
            variable: "LIANXIN_SECRET_KEY_ID", defaultValue: "k0",
            meaning: "the id of `LIANXIN_SECRET_KEY`, stored in every ciphertext it seals (1–32 letters, digits, `-`, `_`)"),
        .init(
            variable: "LIANXIN_PREVIOUS_SECRET_KEYS", defaultValue: "(none)",
            meaning:
                "other keys still needed to read, `id:secret,id:secret`; key `k0` (else the first key) keys blind indexes and token hashes, so it stays. After a rotation, `lianxin keys status` shows when a key is no longer used"
        ),
        .init(
            variable: "LIANXIN_SECRET_KEY_FILE", defaultValue: "(none)",
            meaning:
                "a keyring file instead of the variables above: one `<key id> <secret>` a line, oldest first, the last current; `lianxin keys rotate` adds a key to it and re-encrypts"
        ),
        .init(variable: "LIANXIN_LOG_LEVEL", defaultValue: "info", meaning: "trace, debug, info, notice, warning, error, critical"),
        .init(
            variable: "LIANXIN_PUBLIC_BASE_URL", defaultValue: "http://127.0.0.1:8080",
            meaning: "the address residents and integrations use; links and QR codes are built from it"),
        .init(variable: "LIANXIN_DATA_DIR", defaultValue: "./data", meaning: "folder for the SQLite file, the generated key and uploaded files"),
        .init(variable: "LIANXIN_RESOURCES_DIR", defaultValue: "./Resources", meaning: "folder with Views, Locales and Data shipped with Lianxin"),
        .init(
            variable: "LIANXIN_TALENT_VOCABULARY", defaultValue: "RESOURCES_DIR/Data/talent-vocabulary.json",
            meaning: "the talent map's trades and skills, talent pools and certificates (JSON, checked at start)"),
        .init(
            variable: "LIANXIN_BCRYPT_COST", defaultValue: "12",
            meaning: "bcrypt work factor for passwords (10–31 in production; 4–31 in development, for fast tests)"),
        .init(variable: "LIANXIN_DEMO", defaultValue: "false", meaning: "`true` seeds the demo city on start (same as `serve --demo`)"),
        .init(
            variable: "LIANXIN_AUTO_MIGRATE", defaultValue: "true for SQLite, false for PostgreSQL",
            meaning: "run pending migrations at start; with several instances on PostgreSQL run `lianxin migrate` once instead"),
        .init(
            variable: "LIANXIN_TRUSTED_PROXIES", defaultValue: "(none)",
            meaning:
                "addresses or CIDR ranges of the load balancers in front (e.g. `10.0.0.0/8, 127.0.0.1`): the client is the right-most `X-Forwarded-For` address that is not one of them"
        ),
        .init(
            variable: "LIANXIN_TRUST_PROXY", defaultValue: "false",
            meaning: "`true` trusts a proxy on loopback only (the same as `LIANXIN_TRUSTED_PROXIES=127.0.0.0/8,::1`)"
        ),
        .init(
            variable: "LIANXIN_SCHEDULER", defaultValue: "true",
            meaning: "sweep SLA warnings and breaches in this instance (safe on several instances)"),
        .init(
            variable: "LIANXIN_FILE_STORE", defaultValue: "disk",
            meaning: "where photos are kept: `disk` (`DATA_DIR/files`) or `database` (several instances without shared storage)"),
        .init(variable: "LIANXIN_MAX_UPLOAD_MB", defaultValue: "10", meaning: "largest photo accepted, in megabytes (1–50)"),
        .init(
            variable: "LIANXIN_ADMIN_TOTP", defaultValue: "true",
            meaning: "administrator roles (admin, security admin, auditor) sign in with a TOTP code as second factor (enrol with `lianxin user totp`)"
        ),
        .init(
            variable: "LIANXIN_PASSWORD_MAX_AGE_DAYS", defaultValue: "90",
            meaning: "days before a password must be changed; after that the account can only change it (0: never)"),
        .init(
            variable: "LIANXIN_REST_DAY_RECEIPT", defaultValue: "next-working-day",
            meaning:
                "a request received on a rest day counts as received on the next working day, and working-day limits count from the day after it (`next-working-day`); `as-received` counts the first working day after the rest day as day 1"
        ),
        .init(
            variable: "LIANXIN_REPEAT_WINDOW_DAYS", defaultValue: "30",
            meaning:
                "a new order from the same phone number in the same category as an order still open and received at most this many days before is linked to it as a repeat request (重复诉求) instead of counted again (0: never)"
        ),
        .init(variable: "LIANXIN_RATE_LOGIN", defaultValue: "20", meaning: "sign-in attempts per client address per minute"),
        .init(
            variable: "LIANXIN_RATE_PUBLIC", defaultValue: "120",
            meaning: "requests per client address per minute to the residents' API, resident pages and Open311"),
    ]

    /// Why the settings cannot be used.
    public enum Problem: Error, CustomStringConvertible {
        case invalid(variable: String, value: String, reason: String)
        case missingSecretKey

        public var description: String {
            switch self {
            case .invalid(let variable, let value, let reason): "\(variable)=\(value): \(reason)"
            case .missingSecretKey:
                "LIANXIN_SECRET_KEY (at least 32 characters, e.g. `openssl rand -base64 48`) or LIANXIN_SECRET_KEY_FILE is required in production"
            }
        }
    }

    /// Reads settings from `environment`. In development a missing secret key is generated into the
    /// data folder and `warnings` says so; in production it is an error.
    public static func load(from environment: [String: String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        throws -> (settings: LianxinSettings, warnings: [String])
    {
        var warnings: [String] = []
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func trustedProxies() throws -> TrustedProxies {
            if let list = value("LIANXIN_TRUSTED_PROXIES") {
                do throws(TrustedProxies.InvalidEntry) { return try TrustedProxies(parsing: list) } catch {
                    throw Problem.invalid(variable: "LIANXIN_TRUSTED_PROXIES", value: error.entry, reason: "expected IP addresses or CIDR ranges")
                }
            }
            return try bool("LIANXIN_TRUST_PROXY", value("LIANXIN_TRUST_PROXY"), default: false) ? .loopback : .none
        }
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        }
        let modeText = value("LIANXIN_ENV") ?? "development"
        guard let mode = Mode(rawValue: modeText) else {
            throw Problem.invalid(variable: "LIANXIN_ENV", value: modeText, reason: "expected development or production")
        }
        let dataDirectory = absolute(value("LIANXIN_DATA_DIR") ?? "./data")
        let databaseText = value("LIANXIN_DATABASE_URL") ?? "sqlite://" + (dataDirectory as NSString).appendingPathComponent("lianxin.sqlite")
        var database: DatabaseURL
        do { database = try DatabaseURL(parsing: databaseText, relativeTo: workingDirectory) } catch {
            throw Problem.invalid(variable: "LIANXIN_DATABASE_URL", value: DatabaseURL.redacted(databaseText), reason: "\(error)")
        }
        let sslMode = try value("LIANXIN_DATABASE_SSLMODE").map { text in
            guard let mode = DatabaseTLS.Mode(rawValue: text) else {
                throw Problem.invalid(variable: "LIANXIN_DATABASE_SSLMODE", value: text, reason: "expected disable, prefer, require or verify-full")
            }
            return mode
        }
        database = database.overridingTLS(mode: sslMode, caFile: value("LIANXIN_DATABASE_CA_FILE").map(absolute))
        let port = try int("LIANXIN_PORT", value("LIANXIN_PORT"), default: 8080, range: 1...65535)
        let cost = try int("LIANXIN_BCRYPT_COST", value("LIANXIN_BCRYPT_COST"), default: 12, range: mode == .production ? 10...31 : 4...31)
        let levelText = value("LIANXIN_LOG_LEVEL") ?? "info"
        guard let logLevel = Logger.Level(rawValue: levelText) else {
            throw Problem.invalid(variable: "LIANXIN_LOG_LEVEL", value: levelText, reason: "unknown level")
        }
        let host = value("LIANXIN_HOST") ?? "127.0.0.1"
        let keys = try SecretKeyFile.ring(value, production: mode == .production, dataDirectory: dataDirectory)
        if let warning = keys.warning { warnings.append(warning) }
        let fileStoreText = value("LIANXIN_FILE_STORE") ?? "disk"
        guard let fileStore = FileStoreKind(rawValue: fileStoreText) else {
            throw Problem.invalid(variable: "LIANXIN_FILE_STORE", value: fileStoreText, reason: "expected disk or database")
        }
        var settings = LianxinSettings(
            mode: mode,
            database: database,
            host: host,
            port: port,
            keyRing: keys.ring,
            keyFile: keys.file,
            logLevel: logLevel,
            publicBaseURL: value("LIANXIN_PUBLIC_BASE_URL") ?? "http://\(host):\(port)",
            dataDirectory: dataDirectory,
            resourcesDirectory: absolute(value("LIANXIN_RESOURCES_DIR") ?? "./Resources"),
            bcryptCost: cost,
            seedDemo: try bool("LIANXIN_DEMO", value("LIANXIN_DEMO"), default: false),
            autoMigrate: try bool("LIANXIN_AUTO_MIGRATE", value("LIANXIN_AUTO_MIGRATE"), default: database.isSQLite),
            trustedProxies: try trustedProxies(),
            runScheduler: try bool("LIANXIN_SCHEDULER", value("LIANXIN_SCHEDULER"), default: true),
            fileStore: fileStore,
            maxUploadBytes: try int("LIANXIN_MAX_UPLOAD_MB", value("LIANXIN_MAX_UPLOAD_MB"), default: 10, range: 1...50) * 1_048_576,
            adminTOTP: try bool("LIANXIN_ADMIN_TOTP", value("LIANXIN_ADMIN_TOTP"), default: true),
            passwordMaxAgeDays: try int("LIANXIN_PASSWORD_MAX_AGE_DAYS", value("LIANXIN_PASSWORD_MAX_AGE_DAYS"), default: 90, range: 0...3650),
            loginPerMinute: try int("LIANXIN_RATE_LOGIN", value("LIANXIN_RATE_LOGIN"), default: 20, range: 1...100_000),
            publicPerMinute: try int("LIANXIN_RATE_PUBLIC", value("LIANXIN_RATE_PUBLIC"), default: 120, range: 1...1_000_000)
        )
        settings.exposure = try ExposureLimits.load(value, maxUploadBytes: settings.maxUploadBytes)
        settings.access = try AccessSettings.load(value)
        if let text = value("LIANXIN_REST_DAY_RECEIPT") {
            guard let rule = RestDayReceipt(rawValue: text) else {
                throw Problem.invalid(variable: "LIANXIN_REST_DAY_RECEIPT", value: text, reason: "expected next-working-day or as-received")
            }
            settings.restDayReceipt = rule
        }
        settings.repeatWindowDays = try int(
            "LIANXIN_REPEAT_WINDOW_DAYS", value("LIANXIN_REPEAT_WINDOW_DAYS"), default: 30, range: 0...365)
        settings.operations = try OperationsSettings.load(value, workingDirectory: workingDirectory)
        settings.notifications = try NotificationSettings.load(value)
        settings.talentVocabulary = try talentVocabulary(
            value("LIANXIN_TALENT_VOCABULARY").map(absolute), shipped: settings.resourcesDirectory + "/Data/talent-vocabulary.json")
        return (settings, warnings)
    }

    private static func int(_ name: String, _ text: String?, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.invalid(variable: name, value: text, reason: "expected a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    private static func bool(_ name: String, _ text: String?, default fallback: Bool) throws -> Bool {
        guard let text else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw Problem.invalid(variable: name, value: text, reason: "expected true or false")
        }
    }
}
