import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The messages a person may read: sent to them, to their unit, or to their role within their division; read or
/// unread by their own marks (`NotificationRead`). Tested on both engines in WorklistTests.
enum InboxQueries {
    /// One message with whether this reader has read it.
    struct Message: Sendable {
        let notification: Notification
        let read: Bool
    }

    /// The caller's messages as a query (a message to another unit or outside the division is not among them).
    static func visible(to principal: Principal, on db: any Database) -> QueryBuilder<Notification> {
        Notification.query(on: db).group(.or) { group in
            group.filter(\.$userID == principal.userID)
            if let department = principal.departmentID { group.filter(\.$departmentID == department) }
            group.group(.and) {
                $0.filter(\.$role == principal.role.rawValue).filter(\.$departmentID == nil).filter(\.$userID == nil)
                    .inScope(\.$divisionCode, principal)
            }
        }
    }

    /// The newest `limit` messages, or only the unread ones, with their read marks.
    static func messages(for principal: Principal, unreadOnly: Bool = false, limit: Int = 100, on db: any Database) async throws -> [Message] {
        var query = visible(to: principal, on: db)
        if unreadOnly { query = query.filter(\.$id ~~ (try await unreadIDs(of: principal, limit: limit, on: db))) }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all()
        let marks = try await NotificationRead.query(on: db).filter(\.$userID == principal.userID)
            .filter(\.$notificationID ~~ rows.compactMap(\.id)).all()
        let read = Set(marks.map(\.notificationID))
        return rows.map { Message(notification: $0, read: $0.id.map(read.contains) ?? false) }
    }

    /// How many of the caller's messages they have not read.
    static func unreadCount(for principal: Principal, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("SELECT COUNT(*) AS n \(unread(principal))").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The newest `limit` unread messages' ids.
    private static func unreadIDs(of principal: Principal, limit: Int, on db: any Database) async throws -> [UUID] {
        try await db.sql.raw("SELECT n.id AS id \(unread(principal)) ORDER BY n.created_at DESC LIMIT \(unsafeRaw: String(limit))").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// FROM and WHERE of the caller's unread messages: `visible(to:)` without a read mark of theirs. An anti-join,
    /// so the count costs the same however many messages they have read.
    private static func unread(_ principal: Principal) -> SQLQueryString {
        let unit: SQLQueryString = principal.departmentID.map { "OR n.department_id = \(bind: $0)" } ?? ""
        return """
            FROM \(ident: Notification.schema) n LEFT JOIN \(ident: NotificationRead.schema) r
              ON r.notification_id = n.id AND r.user_id = \(bind: principal.userID)
            WHERE r.id IS NULL AND (n.user_id = \(bind: principal.userID) \(unit)
              OR (n.role = \(bind: principal.role.rawValue) AND n.department_id IS NULL AND n.user_id IS NULL
                  AND \(DivisionScope.sql("division_code", within: principal.division))))
            """
    }

    /// Marks the message read for the caller; a message they may not read is nil (the page answers 404).
    static func markRead(_ id: UUID, by principal: Principal, at now: Date, on db: any Database) async throws -> Notification? {
        guard let message = try await visible(to: principal, on: db).filter(\.$id == id).first() else { return nil }
        try await mark([id], by: principal, at: now, on: db)
        return message
    }

    /// Marks every message the caller can read as read; returns how many were unread.
    static func markAllRead(by principal: Principal, at now: Date, on db: any Database) async throws -> Int {
        var total = 0
        while true {
            let ids = try await unreadIDs(of: principal, limit: 500, on: db)
            guard !ids.isEmpty else { return total }
            try await mark(ids, by: principal, at: now, on: db)
            total += ids.count
        }
    }

    private static func mark(_ ids: [UUID], by principal: Principal, at now: Date, on db: any Database) async throws {
        guard !ids.isEmpty else { return }
        let already = Set(
            try await NotificationRead.query(on: db).filter(\.$userID == principal.userID).filter(\.$notificationID ~~ ids)
                .all(\.$notificationID))
        try await db.transaction { db in
            for id in ids where !already.contains(id) {
                try await NotificationRead(notificationID: id, userID: principal.userID, readAt: now).create(on: db)
            }
        }
    }
}
