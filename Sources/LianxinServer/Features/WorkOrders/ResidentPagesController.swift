import Vapor
import Fluent
import LianxinCore

/// The residents' pages under /p/ (随手拍): report a problem with a photo and a place, get a
/// tracking code, follow it, add information, evaluate, ask to reopen. No account: the tracking
/// code is the key, and nothing personal is shown beyond the masked name and phone.
struct ResidentPagesController: RouteCollection {
    let maxBody: ByteCount

    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("p")
        p.get("report", use: reportPage)
        p.on(.POST, "report", body: .collect(maxSize: maxBody), use: report)
        p.get("track", use: trackLookup)
        p.get("track", ":code", use: track)
        p.get("track", ":code", "photos", ":photo", use: resultPhoto)
        p.on(.POST, "track", ":code", "information", body: .collect(maxSize: maxBody), use: addInformation)
        p.post("track", ":code", "evaluation", use: evaluate)
        p.post("track", ":code", "reopen", use: reopen)
    }

    // MARK: Report

    struct ReportModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let categories: [SelectOption]
        let communities: [SelectOption]
        let map: GridMapModel
        /// The city assets (部件) on the map as JSON markers; tapping one fills `assetCode`.
        let assetMarkers: String
    }

    struct ReportForm: Content {
        var description: String?
        var categoryCode: String?
        var divisionCode: String?
        var address: String?
        var latitude: String?
        var longitude: String?
        var requesterName: String?
        var requesterPhone: String?
        /// "true" when the resident chose to publish the report (Open311 reads); off by default.
        var publish: String?
        /// The city asset (部件) the report is about: picked on the map, scanned or typed.
        var assetCode: String?

        var values: [String: String] {
            var out: [String: String] = [:]
            for (key, value) in [
                ("description", description), ("categoryCode", categoryCode), ("divisionCode", divisionCode), ("address", address),
                ("latitude", latitude), ("longitude", longitude), ("requesterName", requesterName), ("requesterPhone", requesterPhone),
                ("publish", publish), ("assetCode", assetCode),
            ] {
                if let value { out[key] = value }
            }
            return out
        }
    }

    // MARK: Track

    struct TrackModel: Encodable, Sendable {
        let order: PublicTrackingController.PublicOrder?
        let code: String
        /// The code in groups for reading and copying down ("ABCD EFGH JKLMN").
        let groupedCode: String
        /// A finished order whose requester left no phone: evaluation is by the hotline.
        let noPhone: Bool
        let isNew: Bool
        let notice: String
        let error: String
        let errors: [String: String]
        let values: [String: String]
        /// What was done: the unit, its result and photos (shown above the evaluation form).
        let result: PublicOrderResult?
        /// The evaluation form is offered only once there is a result to evaluate.
        let canEvaluate: Bool
        let canAddInformation: Bool
        let canReopen: Bool
        let satisfactions: [SelectOption]
        let history: [Line]
        struct Line: Encodable, Sendable { let at: String; let title: String }
    }

    struct InformationForm: Content { var note: String? }

    struct EvaluationForm: Content { var satisfaction: String?; var solved: String?; var comment: String?; var phoneSuffix: String? }

    struct ReopenForm: Content { var reason: String?; var phoneSuffix: String? }

}
