import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

/// #16/#18 leftovers: the second-factor enrolment page shows a QR code of the otpauth link, and a wrong code
/// is called a wrong code, not a wrong password (#18 item 15).
@Suite("#17 accounts: second factor enrolment and its messages")
struct SecondFactorPagesTests {
    @Test func item17_accounts_theEnrolmentPageShowsAQRCodeOfTheLink() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let target = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
            let page = try await client.send(
                .POST, "/security/accounts/\(try target.requireID())/totp", form: ["_csrf": try await client.csrf("/security/accounts")])
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<img id=\"totp-qr\" src=\"data:image/png;base64,"))
            let uriStart = try #require(html.range(of: "<code id=\"secret-uri\">"))
            let uriEnd = try #require(html.range(of: "</code>", range: uriStart.upperBound..<html.endIndex))
            let uri = String(html[uriStart.upperBound..<uriEnd.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            let expected = "data:image/png;base64," + (try QRCode(encoding: uri)).png(scale: 6, quietZone: 4).base64EncodedString()
            #expect(html.contains(expected), "the QR code encodes the link shown beside it")
        }
    }

    @Test func item18_15_aWrongCodeIsCalledAWrongCode() async throws {
        try await withLianxin(demo: true) { app, client in
            let page = try await client.send(.GET, "/login")
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let wrongCode = try await client.send(
                .POST, "/login", form: ["username": "secadmin", "password": DemoSeeder.password, "totp": "000000", "_csrf": csrf])
            #expect(wrongCode.status == .unauthorized)
            #expect(wrongCode.body.string.contains("动态口令不正确"), "the code is named")
            #expect(!wrongCode.body.string.contains("用户名或密码错误"))
            let noCode = try await client.send(.POST, "/login", form: ["username": "secadmin", "password": DemoSeeder.password, "_csrf": csrf])
            #expect(noCode.body.string.contains("请输入身份验证器应用显示的 6 位动态口令"))
            // A wrong password with any code still gets the one answer that tells nothing.
            let wrongPassword = try await client.send(
                .POST, "/login", form: ["username": "secadmin", "password": "Wrong@2026-x", "totp": "000000", "_csrf": csrf])
            #expect(wrongPassword.body.string.contains("用户名或密码错误") && !wrongPassword.body.string.contains("动态口令不正确"))
        }
    }
}
