import Foundation
import Testing
@testable import LianxinServer

@Suite("Settings")
struct SettingsTests {
    @Test func productionRefusesToStartWithoutASecretKey() throws {
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(from: ["LIANXIN_ENV": "production"], workingDirectory: NSTemporaryDirectory())
        }
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(from: ["LIANXIN_ENV": "production", "LIANXIN_SECRET_KEY": "too-short"])
        }
    }

    /// #16 item 15 (lesser): production refuses a bcrypt cost below 10; development keeps 4 for fast tests.
    @Test func item15_productionRefusesAWeakPasswordHashCost() throws {
        let key = String(repeating: "k", count: 40)
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(
                from: ["LIANXIN_ENV": "production", "LIANXIN_SECRET_KEY": key, "LIANXIN_BCRYPT_COST": "4"], workingDirectory: NSTemporaryDirectory())
        }
        let production = try LianxinSettings.load(
            from: ["LIANXIN_ENV": "production", "LIANXIN_SECRET_KEY": key, "LIANXIN_BCRYPT_COST": "10"], workingDirectory: NSTemporaryDirectory())
        #expect(production.settings.bcryptCost == 10)
        let development = try LianxinSettings.load(
            from: ["LIANXIN_SECRET_KEY": key, "LIANXIN_BCRYPT_COST": "4"], workingDirectory: NSTemporaryDirectory())
        #expect(development.settings.bcryptCost == 4)
    }

    @Test func developmentGeneratesAPrivateKeyFileOnceAndWarns() throws {
        let directory = NSTemporaryDirectory() + "lianxin-settings-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try LianxinSettings.load(from: ["LIANXIN_DATA_DIR": directory])
        #expect(first.warnings.count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/secret.key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try LianxinSettings.load(from: ["LIANXIN_DATA_DIR": directory])
        let cipherA = FieldCipher(masterKey: first.settings.secretKey)
        let cipherB = FieldCipher(masterKey: second.settings.secretKey)
        #expect(cipherA.blindIndex("13800138000") == cipherB.blindIndex("13800138000"), "the same key is reused")
        #expect(first.settings.database == .sqliteFile(path: directory + "/lianxin.sqlite"))
    }

    @Test func databaseURLsAreParsedAndBadOnesNamed() throws {
        let postgres = try DatabaseURL(parsing: "postgres://lx:secret@127.0.0.1:5433/lianxin", relativeTo: "/srv")
        #expect(
            postgres
                == .postgres(
                    host: "127.0.0.1", port: 5433, username: "lx", password: "secret", database: "lianxin", searchPath: nil,
                    tls: DatabaseTLS(mode: .disable)))
        #expect(try DatabaseURL(parsing: "sqlite://./data/x.sqlite", relativeTo: "/srv") == .sqliteFile(path: "/srv/./data/x.sqlite"))
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(from: ["LIANXIN_DATABASE_URL": "mysql://x", "LIANXIN_SECRET_KEY": String(repeating: "k", count: 32)])
        }
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(from: ["LIANXIN_PORT": "99999", "LIANXIN_SECRET_KEY": String(repeating: "k", count: 32)])
        }
        #expect(DatabaseURL.redacted("postgres://lx:secret@h/db").contains("secret") == false)
    }

    @Test func theREADMEDocumentsEverySetting() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        for setting in LianxinSettings.documented {
            #expect(readme.contains("`\(setting.variable)`"), "README misses \(setting.variable)")
        }
    }

    @Test func personalDataIsEncryptedAndFoundByBlindIndex() throws {
        let cipher = FieldCipher(masterKey: Data(repeating: 7, count: 32))
        let sealed = try cipher.seal("36110219900101001X")
        #expect(!String(decoding: sealed, as: UTF8.self).contains("3611021990"))
        #expect(try cipher.open(sealed) == "36110219900101001X")
        #expect(cipher.blindIndex("36110219900101001x") == cipher.blindIndex("36110219900101001X"))
        #expect(try cipher.seal("x") != cipher.seal("x"), "a fresh nonce every time")
    }
}
