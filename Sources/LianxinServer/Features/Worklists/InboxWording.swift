import Vapor
import LianxinCore

/// How a message reads on the inbox and home pages, in the reader's language, with the page it leads to.
enum InboxWording {
    /// One message as the pages show it.
    struct Item: Encodable, Sendable {
        let id: String
        let kind: String
        let kindLabel: String
        let text: String
        let link: String
        let at: String
        let read: Bool
    }

    /// The page of the object a message is about: its link, or its order's page for messages written before links.
    static func link(of message: Notification) -> String? {
        message.link ?? message.orderID.map { "/orders/\($0.uuidString)" }
    }

    /// A message in the reader's language: the Chinese text as written, or in English its kind and subject.
    static func item(_ message: InboxQueries.Message, _ req: Request) -> Item {
        let note = message.notification
        let key = "inbox_kind_" + note.kind.replacingOccurrences(of: ".", with: "_")
        let label = req.t(key) == key ? req.t("inbox_kind_other") : req.t(key)
        let text = req.language == .zhCN ? note.text : label + (note.subject.map { ": " + $0 } ?? "")
        return Item(
            id: note.id?.uuidString ?? "", kind: note.kind, kindLabel: label, text: text, link: link(of: note) ?? "",
            at: WorkbenchLookup.beijing(note.createdAt), read: message.read)
    }
}
