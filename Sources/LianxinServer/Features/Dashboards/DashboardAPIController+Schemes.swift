import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The assessment schemes (考核方案) and their editing.
extension DashboardAPIController {
    func schemes(req: Request) async throws -> [AssessmentScheme] {
        _ = try await req.require(.viewWorkOrders)
        var schemes = try await AssessmentSchemeRecord.query(on: req.db).sort(\.$id).all().map {
            try JSONDecoder().decode(AssessmentScheme.self, from: Data($0.scheme.utf8))
        }
        if !schemes.contains(where: { $0.code == AssessmentScheme.threeRates.code }) { schemes.insert(.threeRates, at: 0) }
        return schemes
    }

    /// Stores a scheme (weights, indicator parameters, ranking rules); a bad scheme is a 422 naming the field.
    func saveScheme(req: Request) async throws -> AssessmentScheme {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let code = req.parameters.get("code") ?? ""
        guard (1...40).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw Problem.invalid(field: "code", "1–40 letters, digits or hyphens / 编码无效")
        }
        let scheme: AssessmentScheme
        do {
            scheme = try req.content.decode(AssessmentScheme.self)
        } catch let error as DecodingError {
            throw Problem.invalid(field: "/\(Self.path(of: error))", "\(error)")
        } catch {
            throw Problem.invalid(field: "/weights", "not an assessment scheme / 考核方案无效")
        }
        guard scheme.code == code else { throw Problem.invalid(field: "/code", "must equal the code in the path / 须与路径中的编码一致") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                let record = try await AssessmentSchemeRecord.find(code, on: db) ?? AssessmentSchemeRecord()
                record.id = code
                record.scheme = text
                record.updatedAt = req.lianxin.now()
                record.updatedBy = principal.username
                try await record.save(on: db)
            }
        }
        await req.audit(.settingsChanged, result: .success, target: "assessment-scheme:\(code)", detail: text)
        return scheme
    }

    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context): context
            @unknown default: nil
            }
        var path = context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } ?? []
        if case .keyNotFound(let key, _) = error { path.append(key.stringValue) }
        return path.isEmpty ? "weights" : path.joined(separator: "/")
    }
}
