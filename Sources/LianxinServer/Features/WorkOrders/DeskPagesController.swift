import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

/// 受理台, 派单队列, 我的工单 and 督办: the pages the hotline hall and the departments work in all day.
struct DeskPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        routes.get("desk", use: desk)
        routes.on(.POST, "desk", body: .collect(maxSize: maxBody), use: file)
        routes.get("queue", use: queue)
        routes.post("queue", ":id", "route", use: route)
        routes.get("my-orders", use: inbox)
        routes.get("supervision", use: supervision)
    }

    // MARK: 受理台

    struct DeskModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let categories: [SelectOption]
        let channels: [SelectOption]
        let kinds: [SelectOption]
        let idempotencyKey: String
        let map: GridMapModel
        let divisionPicker: DivisionPicker
        let anonymous: Bool
        let canFile: Bool
        /// Whether this operator may answer a consultation on the call and close it (直接办结).
        let canAnswerDirectly: Bool
        /// How many orders were answered and closed on the call today in the operator's division (and from the knowledge base).
        let directToday: String
        /// Whether the repeat box is ticked: by default, and as the operator left it when the form comes back.
        let linkRepeat: Bool
        /// Whether repeat linking is on (`LIANXIN_REPEAT_WINDOW_DAYS` > 0), so the box is offered.
        let offersRepeat: Bool
        let linkRepeatLabel: String
        /// The city assets (部件) on the map, JSON markers the desk's map draws; tapping one fills `assetCode`.
        let assetMarkers: String
        let canPickAssets: Bool
    }

    /// The fields of the intake form, all text so each mistake is named.
    struct DeskForm: Content {
        var requesterPhone: String?
        var requesterName: String?
        var anonymous: String?
        var channel: String?
        var requestKind: String?
        var title: String?
        var description: String?
        var categoryCode: String?
        var suggestedCategoryCode: String?
        var divisionCode: String?
        var address: String?
        var latitude: String?
        var longitude: String?
        var idempotencyKey: String?
        /// 并单: the suspected duplicate (an open order) the new request joins, chosen from the desk's list.
        var mergeInto: String?
        /// 直接办结: "1" files the consultation and closes it at once with `directAnswer`, from `knowledgeEntryId` if chosen.
        var direct: String?
        var directAnswer: String?
        var knowledgeEntryId: String?
        /// "1" (the box is ticked by default): a repeat call (重复诉求) joins the open order it repeats.
        var linkRepeat: String?
        /// The city asset (部件) the report is about: picked on the map, scanned or typed.
        var assetCode: String?

        var values: [String: String] {
            var out: [String: String] = [:]
            for (key, value) in [
                ("requesterPhone", requesterPhone), ("requesterName", requesterName), ("channel", channel),
                ("requestKind", requestKind), ("title", title), ("description", description), ("categoryCode", categoryCode),
                ("suggestedCategoryCode", suggestedCategoryCode), ("divisionCode", divisionCode), ("address", address),
                ("latitude", latitude), ("longitude", longitude), ("directAnswer", directAnswer), ("knowledgeEntryId", knowledgeEntryId),
                ("linkRepeat", linkRepeat), ("assetCode", assetCode),
            ] {
                if let value { out[key] = value }
            }
            return out
        }
    }

    // MARK: 派单队列

    struct QueueModel: Encodable, Sendable {
        let orders: [OrderSummary]
        let departments: [SelectOption]
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let status: String
        let category: String
        let overdueOnly: Bool
        let notice: String
        let error: String
        let canRoute: Bool
        let refreshURL: String
    }

    static let waiting: [WorkOrderStatus] = [.submitted, .received, .returned]

    struct RouteForm: Content {
        var departmentId: String?
        var reason: String?
    }

    // MARK: 我的工单

    struct InboxModel: Encodable, Sendable {
        let active: [OrderSummary]
        let recent: [OrderSummary]
        let hasDepartment: Bool
    }

    static let handling: [WorkOrderStatus] = [.dispatched, .reopened, .signed, .arrived, .inProgress]

    // MARK: 督办

    struct SupervisionModel: Encodable, Sendable {
        /// All overdue orders in scope (the list shows the 100 most overdue).
        let overdueCount: Int
        let overdue: [OrderSummary]
        let warning: [OrderSummary]
        let supervised: [OrderSummary]
        let shelved: [OrderSummary]
    }

}
