import Fluent
import Foundation
import LianxinCore
import Vapor

/// The automated revisit (回访): an invitation with a signed link when an order is completed, one
/// reminder, then the operators' revisit queue; each evaluation keeps the channel it came by.
enum RevisitService {
    /// Opens (or, for an order completed again after a reopening, renews) the order's invitation and
    /// returns its link; nil when the requester cannot be reached by SMS.
    static func invite(_ order: WorkOrder, context: LianxinContext, on db: any Database, now: Date) async throws -> String? {
        guard order.requesterPhoneCipher != nil, !order.anonymous else { return nil }
        let orderID = try order.requireID()
        let invitation = try await RevisitInvitation.query(on: db).filter(\.$orderID == orderID).first() ?? RevisitInvitation()
        if invitation.id == nil { invitation.id = UUID() }
        invitation.orderID = orderID
        invitation.divisionCode = order.divisionCode
        invitation.invitedAt = now
        invitation.remindedAt = nil
        invitation.queuedAt = nil
        invitation.evaluatedAt = nil
        invitation.channel = nil
        invitation.satisfaction = nil
        try await invitation.save(on: db)
        return link(try invitation.requireID(), context: context)
    }

    /// `<public address>/p/r/<token>`: the invitation's id and a keyed check of it (short enough for an SMS).
    static func link(_ id: UUID, context: LianxinContext) -> String {
        context.settings.publicBaseURL + "/p/r/" + token(id, context: context)
    }

    static func token(_ id: UUID, context: LianxinContext) -> String {
        let hex = id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return hex + context.cipher.tokenHash("revisit:" + hex).prefix(12)
    }

    /// The invitation a token names, or nil when the token is not one of ours.
    static func invitation(token: String, context: LianxinContext, on db: any Database) async throws -> RevisitInvitation? {
        guard token.count == 44, token.allSatisfy(\.isHexDigit) else { return nil }
        let hex = String(token.prefix(32))
        guard String(context.cipher.tokenHash("revisit:" + hex).prefix(12)) == token.suffix(12) else { return nil }
        let dashed = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
            .map(String.init).joined(separator: "-")
        guard let id = UUID(uuidString: dashed) else { return nil }
        return try await RevisitInvitation.find(id, on: db)
    }

    /// The channel an evaluation came by, from who gave it: the resident (the link or the tracking
    /// page), a staff member (an operator's call), or Lianxin itself (the telephone keypad).
    static func channel(of actor: WorkOrderActor) -> EvaluationChannel {
        switch actor.kind {
        case .resident: .link
        case .staff: .operator
        case .system: .keypad
        }
    }

    /// Records an evaluation on the order's invitation (after the order's `evaluated` event). The first
    /// evaluation counts; the channel is told apart.
    static func evaluated(_ event: WorkOrderEvent, on db: any Database) async throws {
        guard let invitation = try await RevisitInvitation.query(on: db).filter(\.$orderID == event.orderID).first(),
            invitation.evaluatedAt == nil
        else { return }
        invitation.evaluatedAt = event.at
        invitation.channel = channel(of: event.actor).rawValue
        invitation.satisfaction = event.payload.evaluation?.satisfaction.rawValue
        try await invitation.update(on: db)
    }

    /// The revisit sweep (`notifications.revisits`): reminds the unanswered once, then queues them for
    /// the operators; returns how many steps were taken.
    @discardableResult
    static func sweep(_ app: Application) async throws -> Int {
        let context = app.lianxin
        let now = context.now()
        let schedule = context.settings.notifications.revisit
        let open = try await RevisitInvitation.query(on: app.db).filter(\.$evaluatedAt == nil).filter(\.$queuedAt == nil).all()
        var steps = 0
        for invitation in open {
            guard let step = schedule.due(invitedAt: invitation.invitedAt, reminded: invitation.remindedAt != nil, queued: false, now: now) else {
                continue
            }
            try await context.writes.run {
                try await app.db.transaction { db in
                    guard let order = try await WorkOrder.find(invitation.orderID, on: db) else { return }
                    switch step {
                    case .remind:
                        invitation.remindedAt = now
                        let address = link(try invitation.requireID(), context: context)
                        try await NotificationOutbox.record(
                            .revisitReminder, occurrence: "\(invitation.orderID):\(Int(invitation.invitedAt.timeIntervalSince1970))", order: order,
                            parameters: ["number": order.number, "title": order.title, "link": address], context: context, on: db, now: now)
                    case .queue:
                        invitation.queuedAt = now
                    }
                    try await invitation.update(on: db)
                }
            }
            steps += 1
        }
        return steps
    }
}
