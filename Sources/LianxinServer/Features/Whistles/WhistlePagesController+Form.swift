import Vapor
import Fluent
import LianxinCore

/// Blowing a whistle from the page form.
extension WhistlePagesController {
    struct FormModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let departments: [SelectOption]
        let orderId: String
        let orderNumber: String
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        return try await renderForm(req, principal: principal, orderID: req.query[String.self, at: "order"] ?? "", values: [:], errors: [:])
    }

    func renderForm(
        _ req: Request, principal: Principal, orderID: String, values: [String: String], errors: [String: String],
        error: String = "", status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        var number = ""
        if !orderID.isEmpty { number = try await WorkOrderLookup.find(orderID, for: principal, on: req).number }
        let chosen = Set((values["departmentIds"] ?? "").split(separator: ",").map(String.init))
        let model = FormModel(
            values: values, errors: errors, error: error,
            departments: lookup.departmentOptions(for: principal.division, principal: principal).map {
                SelectOption(value: $0.value, label: $0.label, selected: chosen.contains($0.value))
            },
            orderId: orderID, orderNumber: number)
        return try await req.page("whistles/whistle-new", title: "nav_whistles", model: model, status: status)
    }

    struct BlowForm: Content {
        var title: String?
        var description: String?
        var requiredArrival: String?
        var departmentIds: [String]?
        var orderId: String?
    }

    func blow(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        let form = try req.content.decode(BlowForm.self)
        let values = [
            "title": form.title ?? "", "description": form.description ?? "", "requiredArrival": form.requiredArrival ?? "",
            "departmentIds": (form.departmentIds ?? []).joined(separator: ","),
        ]
        do {
            // The browser's datetime-local is Beijing wall time.
            var arrival: Date?
            if let text = form.requiredArrival, !text.isEmpty {
                guard let date = ISOTimestamp.parse(text.count == 16 ? text + ":00+08:00" : text) else {
                    throw Problem.invalid(field: "/requiredArrivalAt", req.t("wb_whistle_time"))
                }
                arrival = date
            }
            let order = form.orderId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            let input = WhistlesController.BlowInput(
                title: form.title, description: form.description, requiredArrivalAt: arrival,
                departmentIds: (form.departmentIds ?? []).compactMap(UUID.init(uuidString:)),
                orderId: order, divisionCode: nil)
            try req.content.encode(input, as: .json)
            let response = try await WhistlesController().blow(req: req)
            let created = try response.content.decode(WhistlesController.WhistleDTO.self)
            return req.redirect(to: "/whistles/\(created.id)")
        } catch let problem as Problem where problem.status.code < 500 {
            var errors = problem.fieldMessages(req.language)
            if let message = errors["requiredArrivalAt"] { errors["requiredArrival"] = message }
            return try await renderForm(
                req, principal: principal, orderID: form.orderId ?? "", values: values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), status: problem.status)
        }
    }
}
