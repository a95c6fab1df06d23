import Vapor
import Fluent
import LianxinCore

/// The resident tag catalogue.
extension ResidentsController {
    func tags(req: Request) async throws -> [ResidentTagDTO] {
        // Configuration, no one's personal data: every staff member may read it; the deployment's
        // administrator changes it.
        _ = try req.requirePrincipal()
        return try await ResidentTagRecord.query(on: req.db).sort(\.$id).all().map {
            ResidentTagDTO(code: $0.id ?? "", chineseLabel: $0.chineseLabel, englishLabel: $0.englishLabel, active: $0.active)
        }
    }

    struct TagInput: Content { var chineseLabel: String; var englishLabel: String; var active: Bool? }

    /// Adds or changes a tag of the catalogue (a tag in use is deactivated, never deleted).
    func putTag(req: Request) async throws -> ResidentTagDTO {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let code = req.parameters.get("code") ?? ""
        guard (1...40).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw Problem.invalid(field: "/code", "a tag code of 1–40 ASCII letters and digits, e.g. livingAloneElderly / 标签编码须为 1–40 位字母或数字")
        }
        let input = try req.content.decode(TagInput.self)
        let chinese = input.chineseLabel.trimmingCharacters(in: .whitespaces)
        let english = input.englishLabel.trimmingCharacters(in: .whitespaces)
        guard (1...20).contains(chinese.count) else { throw Problem.invalid(field: "/chineseLabel", "1–20 characters / 中文名称须为 1–20 个字符") }
        guard (1...60).contains(english.count) else { throw Problem.invalid(field: "/englishLabel", "1–60 characters / 英文名称须为 1–60 个字符") }
        let record = try await req.lianxin.writes.run {
            try await req.db.transaction { db -> ResidentTagRecord in
                let record = try await ResidentTagRecord.find(code, on: db) ?? ResidentTagRecord()
                let isNew = record.id == nil
                record.id = code
                record.chineseLabel = chinese
                record.englishLabel = english
                record.active = input.active ?? true
                if isNew { try await record.create(on: db) } else { try await record.update(on: db) }
                try await AuditLog.record(
                    .residentTagsChanged, result: .success, actor: principal.auditActor, target: "resident-tag:\(code)",
                    ip: req.clientIP, requestID: req.id, detail: "\(chinese) / \(english)\(record.active ? "" : " (inactive)")",
                    at: req.lianxin.now(), on: db)
                return record
            }
        }
        return ResidentTagDTO(code: code, chineseLabel: record.chineseLabel, englishLabel: record.englishLabel, active: record.active)
    }

    /// A tag code from its code or Chinese label; 422 when the catalogue has neither.
    static func tagCode(_ text: String, on db: any Database) async throws -> String {
        if let record = try await ResidentTagRecord.find(text, on: db), let code = record.id { return code }
        if let record = try await ResidentTagRecord.query(on: db).filter(\.$chineseLabel == text).first(), let code = record.id { return code }
        throw Problem.invalid(field: "tag", "\(text) is not in the tag catalogue / 标签 \(text) 不在标签目录中")
    }
}
