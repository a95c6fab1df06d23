import Foundation
import Vapor
import Fluent
import LianxinCore

/// Screens every stored settlement with the rules in force (on import and on demand) and stores the
/// leads not stored before; a lead already reviewed keeps its review.
struct ScreeningService {
    let database: any Database
    let now: Date

    struct Report: Sendable, Content {
        var settlements = 0
        var lines = 0
        var leads = 0
        var added = 0
        var seconds = 0.0
    }

    func run(progress: (String) -> Void = { _ in }) async throws -> Report {
        let started = Date()
        let rules = try await InsuranceStore.rules(on: database)
        let references = try await InsuranceStore.references(on: database)
        let settlements = try await InsuranceSettlement.query(on: database).all().compactMap(InsuranceStore.record)
        progress("screening: \(settlements.count) settlements read")
        let items = try await InsuranceItem.query(on: database).all().compactMap(InsuranceStore.record)
        progress("screening: \(items.count) lines read")
        let leads = Screener(rules: rules, references: references).screen(settlements: settlements, items: items)
        let institutions = try await InsuranceStore.institutions(on: database)
        let known = Set(try await InsuranceLead.query(on: database).all(\.$leadKey))
        var seen: Set<String> = []
        let fresh = leads.filter { !known.contains($0.key) && seen.insert($0.key).inserted }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try fresh.map { lead in
            let row = InsuranceLead()
            row.leadKey = lead.key
            row.rule = lead.rule.rawValue
            row.settlementID = lead.settlementID
            row.institutionCode = lead.institutionCode
            row.doctorCode = lead.doctorCode
            row.divisionCode = institutions[lead.institutionCode]?.divisionCode ?? ""
            row.amountFen = Int64(lead.amountFen)
            row.evidence = String(decoding: try encoder.encode(lead.evidence), as: UTF8.self)
            row.status = "open"
            row.createdAt = now
            return row
        }
        try await database.transaction { db in
            for chunk in rows.chunked(500) { try await chunk.create(on: db) }
        }
        progress("screening: \(leads.count) leads, \(rows.count) new")
        return Report(
            settlements: settlements.count, lines: items.count, leads: leads.count, added: rows.count, seconds: Date().timeIntervalSince(started))
    }
}
