import Vapor
import Fluent
import LianxinCore

/// The order pages: the list with filters, and one order with its clocks, timeline, photos, merge
/// family, whistles, evaluation and the forms for exactly the steps this user may take now.
/// Every form posts to the same route, which runs the same service as the API.
struct OrderPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        routes.get("orders", use: list)
        routes.get("orders", ":id", use: show)
        routes.on(.POST, "orders", ":id", "act", body: .collect(maxSize: maxBody), use: act)
        routes.post("orders", ":id", "unmask", use: unmask)
    }

    // MARK: List

    struct ListModel: Encodable, Sendable {
        let orders: [OrderSummary]
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let q: String
        let grid: String
        let overdueOnly: Bool
        let count: Int
    }

    // MARK: One order

    struct DetailModel: Encodable, Sendable {
        struct Clock: Encodable, Sendable {
            let stage: String; let dueAt: String; let dueLabel: String; let state: String; let stateTitle: String; let running: Bool
        }
        struct Step: Encodable, Sendable { let at: String; let title: String; let actor: String; let note: String; let statusTitle: String }
        struct Photo: Encodable, Sendable { let url: String; let purpose: String; let at: String }
        struct Relative: Encodable, Sendable { let id: String; let number: String; let title: String; let statusTitle: String }
        struct WhistleLine: Encodable, Sendable { let title: String; let status: String; let blownAt: String }
        /// One assisting unit's part (协办): its status and clocks in plain words.
        struct AssistLine: Encodable, Sendable {
            let unit: String; let status: String; let statusTitle: String; let signDue: String; let reportDue: String
            let overdue: Bool; let note: String; let mine: Bool
        }
        let order: OrderSummary
        let description: String
        let address: String
        let position: String
        let trackingCode: String
        let requestKind: String
        let priority: String
        let requesterName: String
        let requesterPhone: String
        let anonymous: Bool
        let canUnmask: Bool
        let unmaskedName: String
        let unmaskedPhone: String
        let clocks: [Clock]
        let policy: String
        /// "非工作日受理，自 12月7日 起算" for a rest-day receipt, else empty.
        let receiptNote: String
        let timeline: [Step]
        let photos: [Photo]
        let parent: Relative?
        let children: [Relative]
        let hasFamily: Bool
        let whistles: [WhistleLine]
        let canBlowWhistle: Bool
        let evaluation: String
        let extensionPending: String
        let supervision: String
        let forms: [ActionForm]
        /// The reply the resident sees (答复内容), and whether the reader may propose it as a knowledge entry.
        let publicReply: String
        let canProposeKnowledge: Bool
        let notice: String
        let error: String
        let duplicates: [Relative]
        let createdJustNow: Bool
        /// The lead unit (主办) and the assisting units' parts of a joint order; empty for a single-unit order.
        var assists: [AssistLine] = []
        /// Whether the reader may mark the caller (来电人标记): the order has a number and the role proposes marks.
        var canMarkRequester = false
        /// The knowledge entry a direct answer came from (its question and id), when the reader may open the knowledge base.
        var answeredFrom = ""
        var answeredFromID = ""
    }

    // MARK: Acting

    struct PhotoPart: Content { var file: File? }

}
