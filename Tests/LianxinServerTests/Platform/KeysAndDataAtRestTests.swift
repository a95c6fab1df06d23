import Foundation
import Testing
import Crypto
import Fluent
import SQLKit
import Vapor
import VaporTesting
@testable import LianxinServer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Keys and data at rest")
struct KeysAndDataAtRestTests {
    static let keyA = Data(repeating: 7, count: 32)
    static let keyB = Data(repeating: 9, count: 32)

    /// A ciphertext as written before key ids: AES-GCM under the derived key, no associated data.
    static func legacySeal(_ text: String, masterKey: Data) throws -> Data {
        let key = SymmetricKey(data: FieldCipher.derive(masterKey, "field-encryption-v1"))
        return try #require(try AES.GCM.seal(Data(text.utf8), using: key).combined)
    }

    /// #16 item 12: a ciphertext names its key, opens only at its own table, column and row, and an
    /// old ciphertext (no key id) is still read; a ring reads every key and writes with the last.
    @Test func item12_ciphertextsCarryAKeyIDAndAreBoundToTheirRow() throws {
        let cipher = FieldCipher(ring: try KeyRing(keys: [.init(id: "k0", material: Self.keyA)]))
        let (one, two) = (UUID(), UUID())
        let sealed = try cipher.seal("36110219900101001X", for: .residentIDNumber, row: one)
        #expect(FieldCipher.keyID(of: sealed) == "k0")
        #expect(try cipher.open(sealed, for: .residentIDNumber, row: one) == "36110219900101001X")
        #expect(throws: (any Error).self, "copied to another row") { try cipher.open(sealed, for: .residentIDNumber, row: two) }
        #expect(throws: (any Error).self, "copied to another column") { try cipher.open(sealed, for: .residentPhone, row: one) }
        #expect(throws: (any Error).self, "copied to another table") { try cipher.open(sealed, for: .tenantIDNumber, row: one) }
        let legacy = try Self.legacySeal("13800138000", masterKey: Self.keyA)
        #expect(FieldCipher.keyID(of: legacy) == nil)
        #expect(try cipher.open(legacy, for: .residentPhone, row: one) == "13800138000")

        let rotated = FieldCipher(ring: try KeyRing(keys: [.init(id: "k0", material: Self.keyA), .init(id: "k1", material: Self.keyB)]))
        #expect(try rotated.open(sealed, for: .residentIDNumber, row: one) == "36110219900101001X", "older keys still read")
        let resealed = try rotated.seal("36110219900101001X", for: .residentIDNumber, row: one)
        #expect(FieldCipher.keyID(of: resealed) == "k1")
        #expect(throws: (any Error).self, "a ring without k1 cannot read it") { try cipher.open(resealed, for: .residentIDNumber, row: one) }
        #expect(rotated.blindIndex("13800138000") == cipher.blindIndex("13800138000"), "look-ups survive a rotation")
        #expect(rotated.tokenHash("t") == cipher.tokenHash("t"), "sessions survive a rotation")
    }

    /// #16 item 12: the keyring comes from the environment (current key with its id plus older keys)
    /// or from a keyring file; a single old-style secret is key k0.
    @Test func item12_theKeyringIsReadFromTheEnvironmentOrItsFile() throws {
        let secret = String(repeating: "s", count: 40), old = String(repeating: "o", count: 40)
        let env = try LianxinSettings.load(
            from: ["LIANXIN_SECRET_KEY": secret, "LIANXIN_SECRET_KEY_ID": "k1", "LIANXIN_PREVIOUS_SECRET_KEYS": "k0:\(old)"],
            workingDirectory: NSTemporaryDirectory())
        #expect(env.settings.keyRing.keys.map(\.id) == ["k0", "k1"] && env.settings.keyRing.current.id == "k1")
        #expect(env.settings.keyFile == nil)
        let staged = try LianxinSettings.load(
            from: ["LIANXIN_SECRET_KEY": old, "LIANXIN_PREVIOUS_SECRET_KEYS": "k1:\(secret)"], workingDirectory: NSTemporaryDirectory())
        #expect(staged.settings.keyRing.current.id == "k0" && staged.settings.keyRing.key(id: "k1") != nil, "a new key staged as readable")
        #expect(staged.settings.keyRing.indexKey == env.settings.keyRing.indexKey, "blind indexes keep key k0 in every step")
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(
                from: ["LIANXIN_SECRET_KEY": secret, "LIANXIN_PREVIOUS_SECRET_KEYS": "k0:short"], workingDirectory: NSTemporaryDirectory())
        }
        let directory = NSTemporaryDirectory() + "lianxin-keyring-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DataFiles.save(Data((old + "\n").utf8), to: directory + "/secret.key")
        let file = try LianxinSettings.load(from: ["LIANXIN_DATA_DIR": directory], workingDirectory: directory)
        #expect(file.settings.keyRing.keys.map(\.id) == ["k0"], "a bare secret is key k0")
        #expect(file.settings.keyRing.current.material == SecretKeyFile.key(from: old), "the same key as before key ids")
        let added = try SecretKeyFile.appendGeneratedKey(to: directory + "/secret.key")
        #expect(added == "k1")
        #expect(try SecretKeyFile.load(path: directory + "/secret.key").keys.map(\.id) == ["k0", "k1"])
        #expect(throws: KeyRingError.self) { _ = try SecretKeyFile.parse("k0 \(old)\nk0 \(secret)\n") }
    }

    /// #16 item 12: `keys rotate` re-encrypts every encrypted column under a new key, a batch per
    /// transaction, resumably; old-format values are rewritten too; a server that loaded the old
    /// ring meanwhile still reads everything; `keys status` counts rows per key.
    @Test func item12_rotationReencryptsEveryColumnInBatchesWhileServing() async throws {
        let directory = NSTemporaryDirectory() + "lianxin-rotation-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let keyFile = directory + "/keys"
        try await withLianxin(demo: true, settings: ["LIANXIN_SECRET_KEY": "", "LIANXIN_SECRET_KEY_FILE": keyFile]) { app, _ in
            #expect(app.lianxin.settings.keyFile == keyFile)
            let serving = FieldCipher(ring: app.lianxin.cipher.ring, file: keyFile)
            let oldKey = app.lianxin.cipher.ring.current
            // One value still in the format before key ids.
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$phoneCipher != nil).sort(\.$id).first())
            let residentID = try resident.requireID()
            let phone = try app.lianxin.cipher.open(resident.phoneCipher!, for: .residentPhone, row: residentID)
            let legacy = try Self.legacySeal(phone, masterKey: oldKey.material)
            try await app.db.sql.raw("UPDATE residents SET phone_cipher = \(bind: legacy) WHERE id = \(bind: residentID)").run()

            _ = try await Staff.signIn(app).create()
            let before = try await KeyRotation(app: app).status()
            #expect(before.first { $0.column == .residentPhone }?.byKey[KeyRotation.legacy] == 1)
            for column in [EncryptedColumn.residentIDNumber, .workOrderRequesterPhone, .volunteerPhone, .petitionerName, .mediationPartyPhone] {
                #expect((before.first { $0.column == column }?.byKey[oldKey.id] ?? 0) > 0, "the data has \(column)")
            }

            let newID = try SecretKeyFile.appendGeneratedKey(to: keyFile)
            #expect(app.lianxin.cipher.reload().current.id == newID)
            var batches = 0
            let totals = try await KeyRotation(app: app, batchSize: 2).reencrypt { _ in batches += 1 }
            #expect(totals.map(\.failed).reduce(0, +) == 0)
            #expect(batches > before.filter { !$0.byKey.isEmpty }.count, "several batches per column")
            let after = try await KeyRotation(app: app).status()
            for count in after where !count.byKey.isEmpty {
                #expect(Array(count.byKey.keys) == [newID], "\(count.column) is all under the new key")
            }
            #expect(try await KeyRotation(app: app).reencrypt { _ in }.map(\.rewritten).reduce(0, +) == 0, "resuming finds nothing left")

            let stored = try #require(try await Resident.find(residentID, on: app.db))
            #expect(FieldCipher.keyID(of: stored.phoneCipher!) == newID)
            #expect(try serving.open(stored.phoneCipher!, for: .residentPhone, row: residentID) == phone, "a server started before reads the new key")
            #expect(throws: (any Error).self) { try serving.open(stored.idNumberCipher, for: .residentIDNumber, row: UUID()) }
            let staff = TestClient(app: app)
            try await staff.login("community")
            let shown = try await staff.send(.GET, "/api/v1/residents/\(residentID)")
            #expect(shown.status == .ok)
        }
    }

    /// #16 item 12: rotation knows every encrypted column: each `*_cipher` column of the schema is listed.
    @Test func item12_rotationCoversEveryEncryptedColumnOfTheSchema() async throws {
        try await withLianxin { app, _ in
            let rows =
                app.db.isSQLite
                ? try await app.db.sql.raw(
                    "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%_cipher'"
                ).all()
                : try await app.db.sql.raw(
                    "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND column_name LIKE '%_cipher'"
                ).all()
            let schema = Set(try rows.map { "\(try $0.decode(column: "t", as: String.self)).\(try $0.decode(column: "c", as: String.self))" })
            #expect(schema.count >= 15)
            #expect(schema == Set(EncryptedColumn.all.map(\.description)))
        }
    }

    /// #16 item 12: TLS to PostgreSQL is on (verify-full) unless the server is on loopback, and is
    /// configurable by URL or by setting, CA file included.
    @Test func item12_postgresTLSIsOnByDefaultOffLoopback() throws {
        func tls(_ url: String, _ extra: [String: String] = [:]) throws -> DatabaseTLS? {
            let settings = try LianxinSettings.load(
                from: ["LIANXIN_DATABASE_URL": url, "LIANXIN_SECRET_KEY": String(repeating: "k", count: 40)].merging(extra) { $1 },
                workingDirectory: "/srv"
            ).settings
            guard case .postgres(_, _, _, _, _, _, let tls) = settings.database else { return nil }
            return tls
        }
        #expect(try tls("postgres://lx:pw@db.internal:5432/lianxin") == DatabaseTLS(mode: .verifyFull))
        #expect(try tls("postgres://lx:pw@10.0.0.5/lianxin") == DatabaseTLS(mode: .verifyFull))
        for local in ["127.0.0.1", "localhost", "[::1]"] {
            #expect(try tls("postgres://lx:pw@\(local):5432/lianxin") == DatabaseTLS(mode: .disable), "\(local) is loopback")
        }
        #expect(try tls("postgres://lx@db/x?sslmode=require&sslrootcert=certs/ca.pem") == DatabaseTLS(mode: .require, caFile: "/srv/certs/ca.pem"))
        #expect(
            try tls("postgres://lx@db/x?sslmode=disable", ["LIANXIN_DATABASE_SSLMODE": "verify-full", "LIANXIN_DATABASE_CA_FILE": "/etc/ca.pem"])
                == DatabaseTLS(mode: .verifyFull, caFile: "/etc/ca.pem"))
        #expect(throws: LianxinSettings.Problem.self) { _ = try tls("postgres://lx@db/x?sslmode=sometimes") }
        #expect(throws: LianxinSettings.Problem.self) { _ = try tls("postgres://lx@db/x", ["LIANXIN_DATABASE_SSLMODE": "maybe"]) }
        #expect(try DatabaseTLS(mode: .verifyFull).postgres().isEnforced)
        #expect(try DatabaseTLS(mode: .require).postgres().isEnforced)
        #expect(try DatabaseTLS(mode: .prefer).postgres().isAllowed && !DatabaseTLS(mode: .prefer).postgres().isEnforced)
        #expect(try !DatabaseTLS(mode: .disable).postgres().isAllowed)
    }

    /// #16 item 12: the database file, the keyring, uploads and exports are 0600 and their folders
    /// 0700 even when the process was started with a permissive umask.
    @Test func item12_dataFilesArePrivateWhateverTheUmask() async throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let directory = NSTemporaryDirectory() + "lianxin-modes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func mode(_ path: String) throws -> Int {
            try #require((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
        }
        let data = directory + "/data"
        let environment = TestDatabase.environment(dataDirectory: data).merging([
            "LIANXIN_SECRET_KEY": "", "LIANXIN_DATABASE_URL": "sqlite://\(data)/lianxin.sqlite",
        ]) { $1 }
        let settings = try LianxinSettings.load(from: environment, workingDirectory: repositoryRoot).settings
        #expect(try mode(data) == 0o700)
        #expect(try mode(data + "/secret.key") == 0o600)
        umask(0o022)
        // A database an older version left readable by others is made private too.
        #expect(FileManager.default.createFile(atPath: data + "/lianxin.sqlite", contents: nil, attributes: [.posixPermissions: 0o644]))
        #expect(try mode(data + "/lianxin.sqlite") == 0o644)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: settings)
            try await prepareDatabase(app)
            #expect(try mode(data + "/lianxin.sqlite") == 0o600)
            if FileManager.default.fileExists(atPath: data + "/lianxin.sqlite-wal") { #expect(try mode(data + "/lianxin.sqlite-wal") == 0o600) }
            try await DiskFileStore(root: data + "/files").put(Data("photo".utf8), key: "abcdef123456", on: app.db)
            #expect(try mode(data + "/files") == 0o700)
            #expect(try mode(data + "/files/ab/cd") == 0o700)
            #expect(try mode(data + "/files/ab/cd/abcdef123456") == 0o600)
            try DataFiles.save(Data("a,b\n".utf8), to: directory + "/exports/residents.csv")
            #expect(try mode(directory + "/exports") == 0o700)
            #expect(try mode(directory + "/exports/residents.csv") == 0o600)
            _ = try SecretKeyFile.appendGeneratedKey(to: data + "/secret.key")
            #expect(try mode(data + "/secret.key") == 0o600)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
