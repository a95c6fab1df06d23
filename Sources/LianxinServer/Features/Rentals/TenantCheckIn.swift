import Vapor
import Fluent
import LianxinCore

/// What a tenant types into the check-in form.
struct CheckInInput: Content, Sendable {
    var name: String?
    var idNumber: String?
    var phone: String?
    /// The code of the place picked from the list (or given by an API client).
    var registrationDivision: String?
    /// The place as the tenant writes it ("上饶市广丰区"), when none was picked.
    var registrationPlace: String?
    var movedIn: String?
}

/// A check-in that passed every check, ready to be written.
struct ValidCheckIn: Sendable {
    let name: String
    let idNumber: ResidentIDNumber
    let phone: PhoneNumber
    let registrationDivision: String
    let registrationDivisionName: String
    let movedIn: String
}

/// 扫码入住: checks a tenant's form (ID number checksum and birth date, phone, a known registration
/// division, a move-in date neither in the future nor over a year ago) and writes the stay with the
/// grid member's 人住即访 task in one transaction.
struct TenantCheckIn {
    let app: Application
    let db: any Database

    /// Field name → message in `language`; empty when the form is valid.
    typealias FieldErrors = [String: String]

    enum Outcome {
        /// The problems; the place found so far; the places the tenant's words could mean, to pick from.
        case invalid(FieldErrors, divisionName: String?, places: [PlaceDirectory.Place])
        case valid(ValidCheckIn)
    }

    /// Checks every field, so that all problems are reported at once.
    func validate(_ input: CheckInInput, english: Bool) async throws -> Outcome {
        let texts = app.lianxin.localizer.table(english ? .en : .zhCN)
        func text(_ key: String) -> String { texts[key] ?? key }
        let now = app.lianxin.now()
        var errors: FieldErrors = [:]

        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...50).contains(name.count) { errors["name"] = text("checkin_error_name") }

        var idNumber: ResidentIDNumber?
        let idText = (input.idNumber ?? "").filter { !$0.isWhitespace }
        do {
            idNumber = try ResidentIDNumber(validating: idText, now: now)
        } catch {
            // On this public form a wrong check character is reported without saying the right one,
            // which would help anyone make up a number that passes.
            if case .checksum = error {
                errors["idNumber"] =
                    english
                    ? "the ID number does not check out; please copy it again from the card"
                    : "身份证号码校验未通过，请对照证件重新填写"
            } else {
                errors["idNumber"] = english ? error.englishMessage : error.chineseMessage
            }
        }

        var phone: PhoneNumber?
        do {
            phone = try PhoneNumber(parsing: input.phone ?? "")
        } catch {
            errors["phone"] = english ? error.englishMessage : error.chineseMessage
        }

        // 户籍地: a place picked from the list, or the tenant's words matched against China's counties.
        let directory = app.lianxin.places
        var registration: (code: String, name: String)?
        var candidates: [PlaceDirectory.Place] = []
        let codeText = (input.registrationDivision ?? "").trimmingCharacters(in: .whitespaces)
        let placeText = (input.registrationPlace ?? "").trimmingCharacters(in: .whitespaces)
        if let code = DivisionCode(codeText) {
            if let place = directory.place(code.value) {
                registration = (place.code, place.fullName)
            } else if let known = try await Division.find(code.value, on: db), let id = known.id {
                registration = (id, known.name)
            } else {
                errors["registrationDivision"] = text("checkin_error_division")
            }
        } else if !placeText.isEmpty {
            candidates = directory.matches(placeText)
            if candidates.count == 1, let place = candidates.first {
                registration = (place.code, place.fullName)
                candidates = []
            } else {
                errors["registrationDivision"] = text(candidates.isEmpty ? "checkin_error_place_unknown" : "checkin_error_place_choose")
            }
        } else {
            candidates = idNumber.flatMap { directory.issuingPlace(ofIDNumber: $0.value) }.map { [$0] } ?? []
            errors["registrationDivision"] = text(candidates.isEmpty ? "checkin_error_place_missing" : "checkin_error_place_confirm")
        }

        let movedIn = (input.movedIn ?? "").trimmingCharacters(in: .whitespaces)
        if let date = Self.day(movedIn) {
            let today = Self.today(now)
            let yearAgo = Self.calendar.date(byAdding: .year, value: -1, to: today) ?? today
            if date > today {
                errors["movedIn"] = text("checkin_error_moved_in_future")
            } else if date < yearAgo {
                errors["movedIn"] = text("checkin_error_moved_in_old")
            }
        } else {
            errors["movedIn"] = text("checkin_error_moved_in")
        }

        guard errors.isEmpty, let idNumber, let phone, let registration else {
            return .invalid(errors, divisionName: registration?.name, places: candidates)
        }
        return .valid(
            ValidCheckIn(
                name: name, idNumber: idNumber, phone: phone, registrationDivision: registration.code,
                registrationDivisionName: registration.name, movedIn: movedIn))
    }

    /// The tenant is already living in this unit.
    struct AlreadyCheckedIn: Error {}

    /// Writes the stay, the visit task for the grid's full-time member (due in 24 h) and the audit
    /// entry in one transaction; refuses a tenant already checked in at this unit.
    func checkIn(_ valid: ValidCheckIn, unit: RentalUnit, ip: String?, requestID: String?) async throws -> (Tenancy, VisitTask) {
        let context = app.lianxin
        let now = context.now()
        let unitID = try unit.requireID()
        let index = context.cipher.blindIndex(valid.idNumber.value)
        do {
            return try await context.writes.run {
                try await db.transaction { db -> (Tenancy, VisitTask) in
                    if try await Tenancy.query(on: db).filter(\.$unitID == unitID).filter(\.$idNumberIndex == index)
                        .filter(\.$movedOut == nil).first() != nil
                    {
                        throw AlreadyCheckedIn()
                    }
                    let tenancy = Tenancy()
                    let tenancyID = UUID()
                    tenancy.id = tenancyID
                    tenancy.unitID = unitID
                    tenancy.gridCode = unit.gridCode
                    tenancy.communityCode = unit.communityCode
                    tenancy.name = valid.name
                    tenancy.idNumberCipher = try context.cipher.seal(valid.idNumber.value, for: .tenantIDNumber, row: tenancyID)
                    tenancy.idNumberIndex = index
                    tenancy.phoneCipher = try context.cipher.seal(valid.phone.value, for: .tenantPhone, row: tenancyID)
                    tenancy.phoneIndex = context.cipher.blindIndex(valid.phone.value)
                    tenancy.gender = valid.idNumber.gender.rawValue
                    tenancy.birthDate = valid.idNumber.birthDate.description
                    tenancy.registrationDivision = valid.registrationDivision
                    tenancy.movedIn = valid.movedIn
                    tenancy.createdAt = now
                    try await tenancy.create(on: db)

                    let member = try await GridStaffAssignment.query(on: db).filter(\.$gridCode == unit.gridCode)
                        .filter(\.$role == "fullTime").filter(\.$validTo == nil).first()
                    let task = VisitTask()
                    task.kind = "newTenant"
                    task.gridCode = unit.gridCode
                    task.assigneeID = member?.userID
                    task.tenancyID = try tenancy.requireID()
                    task.dueAt = now.addingTimeInterval(24 * 3600)
                    task.createdAt = now
                    try await task.create(on: db)

                    try await AuditLog.record(
                        .tenantCheckedIn, result: .success, actor: AuditActor(id: nil, name: "tenant", role: nil, division: unit.communityCode),
                        target: "tenancy:\(try tenancy.requireID())", ip: ip, requestID: requestID,
                        detail: "unit \(unit.publicCode), \(valid.idNumber.masked)", at: now, on: db)
                    return (tenancy, task)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AlreadyCheckedIn()
        }
    }

    // MARK: Days (Beijing time)

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ResidentIDNumber.chinaTimeZone
        return calendar
    }()

    /// Midnight (Beijing time) of a strict YYYY-MM-DD day, or nil.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// Midnight (Beijing time) of the day `now` falls on.
    static func today(_ now: Date) -> Date { calendar.startOfDay(for: now) }

    /// `now`'s day as YYYY-MM-DD (Beijing time).
    static func dayString(_ now: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
