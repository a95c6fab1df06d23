import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The knowledge base's daily care: entries whose validity ended are marked expired, and entries ending within
/// `KnowledgeReview.leadDays` remind their unit (or the hotline centre of their division) in the inbox, once per end
/// date. Each row is claimed by a conditional UPDATE, so several instances send each reminder once.
enum KnowledgeReminders {
    static let job = LianxinJob("knowledge.review", every: .seconds(3600)) { app in
        _ = try await run(app, now: app.lianxin.now())
    }

    /// One pass; returns how many entries expired and how many reminders were sent.
    static func run(_ app: Application, now: Date) async throws -> (expired: Int, reminded: Int) {
        let today = LocalDate(now, in: WorkCalendar.shanghai)
        let db = app.db
        var expired = 0, reminded = 0
        let ended = try await KnowledgeEntry.query(on: db).filter(\.$status == KnowledgeStatus.published.rawValue)
            .filter(\.$validTo < today.description).all()
        for entry in ended {
            let claimed = try await claim(
                entry, set: "status = \(bind: KnowledgeStatus.expired.rawValue)" as SQLQueryString,
                when: "status = \(bind: KnowledgeStatus.published.rawValue)" as SQLQueryString, on: db)
            guard claimed else { continue }
            try await notify(entry, kind: "knowledge.expired", key: "kb_notice_expired", app: app, now: now)
            expired += 1
        }
        let last = today.adding(days: KnowledgeReview.leadDays).description
        let ending = try await KnowledgeEntry.query(on: db).filter(\.$status == KnowledgeStatus.published.rawValue)
            .filter(\.$validTo >= today.description).filter(\.$validTo <= last).all()
        for entry in ending
        where KnowledgeReview.reminderDue(
            status: .published, validTo: entry.validTo, today: today, remindedFor: entry.remindedFor)
        {
            guard let validTo = entry.validTo else { continue }
            let claimed = try await claim(
                entry, set: "reminded_for = \(bind: validTo)" as SQLQueryString,
                when: "(reminded_for IS NULL OR reminded_for <> \(bind: validTo))" as SQLQueryString, on: db)
            guard claimed else { continue }
            try await notify(entry, kind: "knowledge.review", key: "kb_notice_review", app: app, now: now)
            reminded += 1
        }
        return (expired, reminded)
    }

    /// Sets `assignment` on the entry when `condition` still holds; true when this instance changed it.
    private static func claim(_ entry: KnowledgeEntry, set assignment: SQLQueryString, when condition: SQLQueryString, on db: any Database)
        async throws -> Bool
    {
        let rows = try await db.sql.raw(
            """
            UPDATE \(ident: KnowledgeEntry.schema) SET \(assignment) WHERE id = \(bind: try entry.requireID()) AND \(condition) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    private static func notify(_ entry: KnowledgeEntry, kind: String, key: String, app: Application, now: Date) async throws {
        let note = Notification()
        note.kind = kind
        let texts = app.lianxin.localizer
        note.text = texts.text(key, .zhCN).replacingOccurrences(of: "{question}", with: entry.question)
            .replacingOccurrences(of: "{date}", with: entry.validTo ?? "")
        if let unit = entry.departmentID {
            note.departmentID = unit
        } else {
            note.role = Role.dispatcher.rawValue
            note.divisionCode = entry.divisionCode
        }
        note.link = "/knowledge/\(try entry.requireID())"
        note.subject = entry.question
        note.createdAt = now
        try await note.create(on: app.db)
    }
}
