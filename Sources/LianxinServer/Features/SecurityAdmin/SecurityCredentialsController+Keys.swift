import Vapor
import Fluent
import LianxinCore

/// Open311 keys and webhook secrets.
extension SecurityCredentialsController {
    struct KeysModel: Encodable, Sendable {
        let keys: [Row]
        let error: String?
        /// Messages beside their fields, and what was typed, when the form comes back.
        var errors: [String: String] = [:]
        var values: [String: String] = [:]
        struct Row: Encodable, Sendable {
            let id: String
            let name: String
            let perMinute: Int
            let active: Bool
            let createdAt: String
        }
    }

    func keysPage(req: Request) async throws -> Response {
        _ = try await cityLevel(req)
        return try await renderKeys(req, error: nil)
    }

    private func renderKeys(
        _ req: Request, error: String?, errors: [String: String] = [:], values: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let keys = try await Open311Key.query(on: req.db).sort(\.$createdAt, .descending).limit(500).all().map {
            KeysModel.Row(
                id: $0.id?.uuidString ?? "", name: $0.name, perMinute: $0.perMinute, active: $0.active, createdAt: ChinaTime.minute($0.createdAt))
        }
        return try await req.page(
            "securityadmin/open311-keys", title: "security_keys_title", model: KeysModel(keys: keys, error: error, errors: errors, values: values),
            status: status)
    }

    struct KeyForm: Content {
        var name: String?
        var perMinute: String?
    }

    /// Issues a key and shows it once; only its hash is stored.
    func addKey(req: Request) async throws -> Response {
        let principal = try await cityLevel(req)
        let form = try req.content.decode(KeyForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let perMinuteText = (form.perMinute ?? "30").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if !(1...64).contains(name.count) || !InputValidator.isPlain(name) { errors["name"] = req.t("security_key_name_invalid") }
        let perMinute = Int(perMinuteText) ?? 0
        if !(1...100_000).contains(perMinute) { errors["perMinute"] = req.t("security_key_per_minute_invalid") }
        guard errors.isEmpty else {
            return try await renderKeys(
                req, error: nil, errors: errors, values: ["name": form.name ?? "", "perMinute": perMinuteText], status: .unprocessableEntity)
        }
        let context = req.lianxin
        let secret = FieldCipher.randomToken(bytes: 24)
        let key = Open311Key()
        key.name = name
        key.keyHash = context.cipher.tokenHash(secret)
        key.perMinute = perMinute
        key.active = true
        key.createdAt = context.now()
        try await req.db.transaction { db in
            try await key.create(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "open311-key:\(name)", ip: req.clientIP,
                detail: "created per-minute=\(perMinute)", at: context.now(), on: db)
        }
        return try await req.page(
            "securityadmin/secret", title: "security_keys_title",
            model: SecretModel(heading: req.t("security_key_created"), subject: name, secret: secret, extra: nil, back: "/security/open311-keys"))
    }

    func disableKey(req: Request) async throws -> Response {
        let principal = try await cityLevel(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let key = try await Open311Key.find(id, on: req.db) else {
            throw Problem.notFound("key")
        }
        key.active = false
        try await req.db.transaction { db in
            try await key.update(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "open311-key:\(key.name)", ip: req.clientIP,
                detail: "disabled", at: req.lianxin.now(), on: db)
        }
        return req.redirect(to: "/security/open311-keys")
    }

    struct WebhooksModel: Encodable, Sendable {
        let webhooks: [Row]
        struct Row: Encodable, Sendable {
            let id: String
            let url: String
            let events: String
            let active: Bool
            let createdAt: String
        }
    }

    func webhooksPage(req: Request) async throws -> Response {
        _ = try await cityLevel(req)
        let rows = try await WebhookSubscription.query(on: req.db).sort(\.$createdAt, .descending).limit(500).all().map {
            WebhooksModel.Row(
                id: $0.id?.uuidString ?? "", url: $0.url, events: $0.events, active: $0.active, createdAt: ChinaTime.minute($0.createdAt))
        }
        return try await req.page("securityadmin/webhooks", title: "security_webhooks_title", model: WebhooksModel(webhooks: rows))
    }

    /// Replaces a webhook's signing secret and shows the new one once (to be given to the receiving system).
    func rotateWebhookSecret(req: Request) async throws -> Response {
        let principal = try await cityLevel(req)
        let subscription = try await webhook(req)
        let secret = FieldCipher.randomToken(bytes: 32)
        subscription.secretCipher = try req.lianxin.cipher.seal(secret)
        try await req.db.transaction { db in
            try await subscription.update(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "webhook:\(subscription.url)", ip: req.clientIP,
                detail: "secret rotated", at: req.lianxin.now(), on: db)
        }
        return try await req.page(
            "securityadmin/secret", title: "security_webhooks_title",
            model: SecretModel(
                heading: req.t("security_webhook_rotated"), subject: subscription.url, secret: secret, extra: nil, back: "/security/webhooks"))
    }

    func disableWebhook(req: Request) async throws -> Response {
        let principal = try await cityLevel(req)
        let subscription = try await webhook(req)
        subscription.active = false
        try await req.db.transaction { db in
            try await subscription.update(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "webhook:\(subscription.url)", ip: req.clientIP,
                detail: "disabled", at: req.lianxin.now(), on: db)
        }
        return req.redirect(to: "/security/webhooks")
    }

    private func webhook(_ req: Request) async throws -> WebhookSubscription {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let subscription = try await WebhookSubscription.find(id, on: req.db)
        else { throw Problem.notFound("webhook") }
        return subscription
    }
}
