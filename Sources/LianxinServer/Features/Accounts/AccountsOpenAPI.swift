import Vapor
import LianxinCore

/// The Accounts operations and schemas of /openapi.json.
enum AccountsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/sessions",
            [
                "post": operation(
                    "Sign in; sets the session cookie", tag: "accounts",
                    body: object([("username", text), ("password", text)], required: ["username", "password"]), ok: (204, nil),
                    errors: [400, 401, 422], secured: false)
            ]
        ),
        ("/api/v1/me", ["get": operation("The signed-in account", tag: "accounts", ok: (200, ref("User")), errors: [401])]),
        (
            "/api/v1/users",
            [
                "get": operation(
                    "Accounts in your division", tag: "accounts",
                    parameters: pageParameters + [query("role", enumeration(Role.allCases.map(\.rawValue)), "filter by role")],
                    ok: (200, page(of: "User")), errors: [401, 403, 422]),
                "post": operation(
                    "Create an account (admin)", tag: "accounts", body: ref("NewUser"), ok: (201, ref("User")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/users/{id}",
            ["get": operation("One account", tag: "accounts", parameters: [path("id", uuid)], ok: (200, ref("User")), errors: [401, 403, 404])]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "User",
            object(
                [
                    ("id", uuid), ("username", text), ("displayName", text), ("role", enumeration(Role.allCases.map(\.rawValue))),
                    ("divisionCode", text), ("departmentId", nullable("string", format: "uuid")), ("active", boolean), ("locked", boolean),
                    ("lastLoginAt", nullable("string", format: "date-time")),
                ], required: ["id", "username", "displayName", "role", "divisionCode", "active", "locked"])
        ),
        (
            "NewUser",
            object(
                [
                    ("username", text), ("displayName", text), ("password", text), ("role", enumeration(Role.allCases.map(\.rawValue))),
                    ("divisionCode", text), ("departmentCode", text),
                ], required: ["username", "displayName", "password", "role", "divisionCode"])
        ),
    ]
}
