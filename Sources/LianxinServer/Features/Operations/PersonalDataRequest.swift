import Foundation
import Vapor
import Fluent
import LianxinCore

/// A person's data on request (个人信息保护法 art. 45): everything Lianxin holds about one phone number
/// or ID number — the orders they filed, their entry in the residents registry, their tenancies —
/// found through the blind indexes and written unmasked to a private file, audited with the reason.
struct PersonalDataRequest {
    let app: Application

    struct Export: Codable, Sendable {
        struct Order: Codable, Sendable {
            var number: String
            var filedAt: String
            var status: String
            var title: String
            var description: String
            var address: String?
            var requesterName: String?
            var requesterPhone: String?
        }
        struct RegistryEntry: Codable, Sendable {
            var name: String
            var idNumber: String
            var phone: String?
            var gridCode: String
            var relation: String
            var tags: String
        }
        struct Stay: Codable, Sendable {
            var name: String
            var idNumber: String
            var phone: String
            var movedIn: String
            var movedOut: String?
            var communityCode: String
        }
        var exportedAt: String
        var reason: String
        var workOrders: [Order] = []
        var residents: [RegistryEntry] = []
        var tenancies: [Stay] = []
    }

    /// Collects the data of the person with `phone` or `idNumber` (as written; checked first).
    func collect(phone: String?, idNumber: String?, reason: String) async throws -> Export {
        let cipher = app.lianxin.cipher
        var export = Export(exportedAt: BeijingClock.text(app.lianxin.now()), reason: reason)
        var phoneIndex: String?
        var idIndex: String?
        if let phone {
            do throws(PhoneNumberError) { phoneIndex = cipher.blindIndex(try PhoneNumber(parsing: phone).value) } catch {
                throw CommandFailure("--phone \(phone): \(error.englishMessage)")
            }
        }
        if let idNumber {
            do { idIndex = cipher.blindIndex(try ResidentIDNumber(validating: idNumber, now: app.lianxin.now()).value) } catch {
                throw CommandFailure("--id-number: not a valid ID number (\(error))")
            }
        }
        guard phoneIndex != nil || idIndex != nil else { throw CommandFailure("give --phone or --id-number") }
        if let phoneIndex {
            for order in try await WorkOrder.query(on: app.db).filter(\.$requesterPhoneIndex == phoneIndex).sort(\.$createdAt).all() {
                let id = try order.requireID()
                export.workOrders.append(
                    .init(
                        number: order.number, filedAt: BeijingClock.text(order.createdAt), status: order.status, title: order.title,
                        description: order.description, address: order.address, requesterName: order.requesterName,
                        requesterPhone: try order.requesterPhoneCipher.map { try cipher.open($0, for: .workOrderRequesterPhone, row: id) }))
            }
        }
        var residents = Resident.query(on: app.db)
        var tenancies = Tenancy.query(on: app.db)
        residents = residents.group(.or) { group in
            if let phoneIndex { group.filter(\.$phoneIndex == phoneIndex) }
            if let idIndex { group.filter(\.$idNumberIndex == idIndex) }
        }
        tenancies = tenancies.group(.or) { group in
            if let phoneIndex { group.filter(\.$phoneIndex == phoneIndex) }
            if let idIndex { group.filter(\.$idNumberIndex == idIndex) }
        }
        for resident in try await residents.all() {
            let id = try resident.requireID()
            export.residents.append(
                .init(
                    name: resident.name, idNumber: try cipher.open(resident.idNumberCipher, for: .residentIDNumber, row: id),
                    phone: try resident.phoneCipher.map { try cipher.open($0, for: .residentPhone, row: id) }, gridCode: resident.gridCode,
                    relation: resident.relation, tags: resident.tags))
        }
        for stay in try await tenancies.all() {
            let id = try stay.requireID()
            export.tenancies.append(
                .init(
                    name: stay.name, idNumber: try cipher.open(stay.idNumberCipher, for: .tenantIDNumber, row: id),
                    phone: try cipher.open(stay.phoneCipher, for: .tenantPhone, row: id), movedIn: stay.movedIn, movedOut: stay.movedOut,
                    communityCode: stay.communityCode))
        }
        return export
    }
}

/// `lianxin personal-data export (--phone P | --id-number N) --reason TEXT --out FILE`.
struct PersonalDataCommand: AsyncCommandGroup {
    var help: String { "A person's data on request (PIPL art. 45): everything held about one phone or ID number, audited." }
    var commands: [String: any AnyAsyncCommand] { ["export": Export()] }

    struct Export: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "phone", help: "The person's phone number.")
            var phone: String?
            @Option(name: "id-number", help: "The person's ID number.")
            var idNumber: String?
            @Option(name: "reason", help: "Why (the request's reference); recorded in the audit log.")
            var reason: String?
            @Option(name: "out", help: "The JSON file to write (mode 0600).")
            var out: String?
        }

        var help: String {
            "Writes the orders, registry entries and tenancies of one person, unmasked, to a private JSON file; audited with the reason first."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            guard let reason = signature.reason?.trimmingCharacters(in: .whitespaces), reason.count >= 4 else {
                throw CommandFailure("--reason is required (at least 4 characters): the request it answers")
            }
            guard let out = signature.out, !out.isEmpty else { throw CommandFailure("--out FILE is required") }
            try await prepareDatabase(app)
            let export = try await PersonalDataRequest(app: app).collect(phone: signature.phone, idNumber: signature.idNumber, reason: reason)
            let subject = [signature.phone.map(PersonalDataMask.phone), signature.idNumber.map(PersonalDataMask.idNumber)].compactMap { $0 }
            let counts = "orders \(export.workOrders.count), registry \(export.residents.count), tenancies \(export.tenancies.count)"
            try await AuditLog.record(
                .exported, result: .success, actor: .commandLine, target: "personal-data:\(subject.joined(separator: ","))",
                detail: "\(counts); reason: \(reason)", at: app.lianxin.now(), on: app.db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let path = out.hasPrefix("/") ? out : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(out)
            try DataFiles.save(try encoder.encode(export), to: path)
            context.console.print("wrote \(path): \(counts)")
        }
    }
}
