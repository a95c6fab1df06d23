import Vapor
import Fluent
import LianxinCore

/// What residents add through their tracking code: photos and information.
extension AttachmentsController {
    /// A resident adds a photo to their open request.
    func publicUpload(req: Request) async throws -> Response {
        let order = try await PublicOrderLookup.find(req)
        guard WorkOrderStatus(rawValue: order.status)?.isOpen == true else {
            throw Problem.conflict("The request is finished; photos can no longer be added / 诉求已办结，不能再上传照片")
        }
        let row = try await PhotoUploads.store(
            req, order: order, uploader: "resident", uploaderID: nil, defaultPurpose: "information", audience: .public)
        return try await AttachmentDTO(row, url: nil).encodeResponse(status: .created, for: req)
    }

    struct InformationInput: Content {
        var note: String?
        var photoIds: [UUID]?
    }

    /// 补充信息: the resident adds details (and photos already uploaded) to their open request.
    func addInformation(req: Request) async throws -> PublicTrackingController.PublicOrder {
        let order = try await PublicOrderLookup.find(req)
        let input = try req.content.decode(InformationInput.self)
        let action = try TransitionInput(
            action: "addInformation", note: input.note?.trimmingCharacters(in: .whitespacesAndNewlines),
            photoIds: input.photoIds
        ).resolved()
        let updated = try await WorkOrderService(application: req.application, database: req.db).apply(action, to: order, by: .resident())
        return try await PublicOrderLookup.view(updated, req)
    }
}
