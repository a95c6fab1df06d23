import Foundation
import Fluent
import Vapor
import LianxinCore

/// The talent map's figures for a period: people by trade and skill against published demands, with
/// shortages and surpluses, and the next six months' shortages at a glance.
struct TalentMapFigures: Content {
    struct Line: Content {
        var trade: String
        var skill: String
        var supply: Int
        var shared: Int
        var offered: Int
        var demand: Int
        var gap: Int
        var balance: String
        var balanceLabel: String
    }

    struct Month: Content {
        var month: String
        var shortages: Int
        var missing: Int
        var surplus: Int
    }

    var from: String
    var to: String
    var lines: [Line]
    var people: Int
    var openDemands: Int
    var shortages: Int
    var surpluses: Int
    var months: [Month]

    static func load(_ req: Request, viewer: TalentViewer, from: String?, to: String?) async throws -> TalentMapFigures {
        let today = ClaimDay(ordinal: Int((req.lianxin.now().timeIntervalSince1970 + 8 * 3600) / 86_400))
        var validator = InputValidator(req)
        let start = from.flatMap { $0.isEmpty ? nil : $0 } ?? today.description
        let end = to.flatMap { $0.isEmpty ? nil : $0 } ?? (today + 90).description
        let period = validator.period(start, end, "/to") ?? TalentPeriod(start: today.ordinal, end: today.ordinal + 90)
        try validator.finish()
        let profiles = try await TalentProfile.query(on: req.db).inScope(\.$divisionCode, viewer.principal).all()
        let demands = try await TalentDemand.query(on: req.db).inScope(\.$divisionCode, viewer.principal).filter(\.$status == "published").all()
        let agreements = try await TalentAgreementRow.query(on: req.db).inScope(\.$divisionCode, viewer.principal)
            .filter(\.$status ~~ ["active", "ended"]).all()
        var shared: [UUID: [TalentPeriod]] = [:]
        for row in agreements {
            if let profile = row.profileID, let window = TalentPeriod(from: row.startsOn, to: row.endsOn) {
                shared[profile, default: []].append(window)
            }
        }
        let people = profiles.map { row in
            TalentMap.Person(
                skills: TalentCodec.list(row.skills), consented: row.consented, availability: TalentCodec.periods(row.availability),
                sharedPeriods: row.id.flatMap { shared[$0] } ?? [])
        }
        // A demand stays open until agreements fill its headcount.
        let filled = Dictionary(grouping: agreements.compactMap(\.demandID), by: { $0 }).mapValues(\.count)
        let open = demands.compactMap { row -> TalentMap.Demand? in
            guard let window = TalentPeriod(from: row.startsOn, to: row.endsOn) else { return nil }
            let left = row.headcount - (row.id.flatMap { filled[$0] } ?? 0)
            return left > 0 ? TalentMap.Demand(skills: TalentCodec.list(row.skills), headcount: left, period: window) : nil
        }
        // What organisations declared they can spare (共享人力), beside the people on file.
        let offers = try await TalentSupply.query(on: req.db).inScope(\.$divisionCode, viewer.principal).all().compactMap { row in
            TalentPeriod(from: row.startsOn, to: row.endsOn).map {
                TalentMap.Demand(skills: TalentCodec.list(row.skills), headcount: row.headcount, period: $0)
            }
        }
        let vocabulary = req.talentVocabulary
        let lines = TalentMap.lines(vocabulary: vocabulary, people: people, demands: open, offers: offers, period: period).map { line in
            Line(
                trade: TalentCodec.label(line.trade, req), skill: TalentCodec.label(line.skill, req),
                supply: line.supply, shared: line.shared, offered: line.offered, demand: line.demand, gap: line.gap, balance: line.balance.rawValue,
                balanceLabel: req.t("talent_balance_\(line.balance.rawValue)"))
        }
        var months: [Month] = []
        var first = ClaimDay(ordinal: today.ordinal - (Int(today.description.suffix(2)) ?? 1) + 1)
        for _ in 0..<6 {
            let next = ClaimDay(ordinal: first.ordinal + 31 - ((Int((first + 31).description.suffix(2)) ?? 1) - 1))
            let month = TalentPeriod(start: first.ordinal, end: next.ordinal - 1)
            let monthLines = TalentMap.lines(vocabulary: vocabulary, people: people, demands: open, period: month)
            months.append(
                Month(
                    month: String(first.description.prefix(7)), shortages: monthLines.filter { $0.balance == .shortage }.count,
                    missing: monthLines.reduce(0) { $0 + max($1.gap, 0) }, surplus: monthLines.reduce(0) { $0 + max(-$1.gap, 0) }))
            first = next
        }
        return TalentMapFigures(
            from: TalentCodec.day(period.start), to: TalentCodec.day(period.end), lines: lines, people: profiles.count,
            openDemands: open.count, shortages: lines.filter { $0.balance == "shortage" }.count,
            surpluses: lines.filter { $0.balance == "surplus" }.count, months: months)
    }
}
