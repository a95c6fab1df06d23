import Vapor
import Fluent
import LianxinCore

/// The tenant's check-in form (扫码入住) and its submission.
extension CheckInPagesController {
    struct FormModel: Encodable, Sendable {
        var code: String
        var address: String
        var values: [String: String]
        var errors: [String: String]
        var divisionName: String?
        var notice: String?
        var maxDate: String
        /// The places the tenant's words could mean, to pick one.
        var places: [SelectOption] = []
        var hasErrors: Bool { !errors.isEmpty }

        enum CodingKeys: String, CodingKey { case code, address, values, errors, divisionName, notice, maxDate, hasErrors, places }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(address, forKey: .address)
            try container.encode(values, forKey: .values)
            try container.encode(errors, forKey: .errors)
            try container.encodeIfPresent(divisionName, forKey: .divisionName)
            try container.encodeIfPresent(notice, forKey: .notice)
            try container.encode(maxDate, forKey: .maxDate)
            try container.encode(hasErrors, forKey: .hasErrors)
            try container.encode(places, forKey: .places)
        }
    }

    struct DoneModel: Encodable, Sendable {
        var address: String
        var name: String
        var idNumber: String
        var phone: String
        var registrationDivision: String
        var movedIn: String
    }

    func form(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let today = TenantCheckIn.dayString(req.lianxin.now())
        return try await req.page(
            "rentals/checkin", title: "checkin_title",
            model: FormModel(
                code: unit.publicCode, address: unit.address, values: ["movedIn": today], errors: [:], maxDate: today))
    }

    func submit(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let input = try req.content.decode(CheckInInput.self)
        let english = req.language == .en
        let service = TenantCheckIn(app: req.application, db: req.db)
        let values = [
            "name": input.name ?? "", "idNumber": input.idNumber ?? "", "phone": input.phone ?? "",
            "registrationDivision": input.registrationDivision ?? "", "registrationPlace": input.registrationPlace ?? "",
            "movedIn": input.movedIn ?? "",
        ]
        let today = TenantCheckIn.dayString(req.lianxin.now())
        switch try await service.validate(input, english: english) {
        case let .invalid(errors, divisionName, places):
            var model = FormModel(
                code: unit.publicCode, address: unit.address, values: values, errors: errors, divisionName: divisionName, maxDate: today)
            model.places = places.map { SelectOption(value: $0.code, label: $0.fullName, selected: $0.code == input.registrationDivision) }
            if divisionName != nil, let code = input.registrationDivision, model.places.isEmpty {
                model.places = [SelectOption(value: code, label: divisionName ?? code, selected: true)]
            }
            return try await req.page("rentals/checkin", title: "checkin_title", model: model, status: .unprocessableEntity)
        case .valid(let valid):
            do {
                _ = try await service.checkIn(valid, unit: unit, ip: req.clientIP, requestID: req.id)
            } catch is TenantCheckIn.AlreadyCheckedIn {
                let notice = req.lianxin.localizer.text("checkin_already", req.language)
                return try await req.page(
                    "rentals/checkin", title: "checkin_title",
                    model: FormModel(
                        code: unit.publicCode, address: unit.address, values: values, errors: [:], divisionName: valid.registrationDivisionName,
                        notice: notice, maxDate: today), status: .conflict)
            }
            return try await req.page(
                "rentals/checkin-done", title: "checkin_done_title",
                model: DoneModel(
                    address: unit.address, name: PersonalDataMask.name(valid.name), idNumber: valid.idNumber.masked, phone: valid.phone.masked,
                    registrationDivision: valid.registrationDivisionName, movedIn: valid.movedIn))
        }
    }
}
