import Foundation
import LianxinCore

/// One order of a history file, checked: what the import writes for it.
struct HistoryRow: Sendable {
    let line: Int
    let number: String
    let steps: HistorySteps
    let channel: LianxinCore.Channel
    let requestKind: RequestKind
    let category: Category
    let unitID: UUID?
    let division: DivisionCode
    let grid: (code: String, version: Int)?
    let location: GeoPoint?
    let requesterName: String?
    let requesterPhone: PhoneNumber?
    let title: String
    let description: String
    let address: String?

    /// Reads and checks one record; every problem of the record is returned, each with its column.
    static func read(
        _ fields: [String], line: Int, header: HistoryHeader, references refs: HistoryReferences, now: Date
    ) -> (HistoryRow?, [HistoryProblem]) {
        var problems: [HistoryProblem] = []
        func value(_ column: HistoryColumn) -> String { header.value(column, in: fields) }
        func fail(_ column: HistoryColumn, _ key: String, _ values: [String: String] = [:]) {
            problems.append(HistoryProblem(line: line, column: header.number(of: column), field: column.rawValue, key: key, values: values))
        }
        if fields.count != header.width {
            problems.append(
                HistoryProblem(
                    line: line, column: nil, field: "", key: "history_field_count",
                    values: ["expected": String(header.width), "found": String(fields.count)]))
            return (nil, problems)
        }
        let number = value(.number)
        if number.isEmpty || number.count > 40
            || !number.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" })
        {
            fail(.number, "history_number_format")
        }
        var times: [HistoryStep: Date] = [:]
        let stepColumns: [(HistoryStep, HistoryColumn)] = [
            (.received, .receivedAt), (.dispatched, .dispatchedAt), (.signed, .signedAt), (.completed, .completedAt),
            (.revisited, .revisitedAt), (.closed, .closedAt),
        ]
        let columnOfStep = Dictionary(uniqueKeysWithValues: stepColumns)
        for (step, column) in stepColumns {
            let text = value(column)
            if text.isEmpty {
                if step == .received { fail(column, "history_required") }
                continue
            }
            if let at = HistoryTime.parse(text) { times[step] = at } else { fail(column, "history_time_format", ["value": text]) }
        }
        let channelText = value(.channel)
        let channel: LianxinCore.Channel? =
            channelText.isEmpty
            ? LianxinCore.Channel.hotline
            : LianxinCore.Channel.allCases.first { $0.rawValue == channelText || $0.title(english: false) == channelText }
        if channel == nil { fail(.channel, "history_channel_unknown", ["value": channelText]) }
        let kindText = value(.requestKind)
        let kind: RequestKind? =
            kindText.isEmpty ? RequestKind.assistance : RequestKind.allCases.first { $0.rawValue == kindText || $0.title(english: false) == kindText }
        if kind == nil { fail(.requestKind, "history_kind_unknown", ["value": kindText]) }
        let categoryText = value(.category)
        let category = categoryText.isEmpty ? nil : refs.category(categoryText)
        if category == nil { fail(.category, categoryText.isEmpty ? "history_required" : "history_category_unknown", ["value": categoryText]) }

        var location: GeoPoint?
        let lonText = value(.longitude), latText = value(.latitude)
        if !lonText.isEmpty || !latText.isEmpty {
            if let lon = Double(lonText), let lat = Double(latText), GeoPoint(lon: lon, lat: lat).isValidWGS84 {
                location = GeoPoint(lon: lon, lat: lat)
            } else {
                fail(lonText.isEmpty || Double(lonText) == nil ? .longitude : .latitude, "history_position_invalid")
            }
        }
        let placed = location.flatMap { refs.placement.place($0) }
        let located = placed.flatMap { $0.path.community ?? $0.path.township ?? $0.path.county }.flatMap(DivisionCode.init)
        let divisionText = value(.division)
        var division: DivisionCode?
        if !divisionText.isEmpty {
            if let code = DivisionCode(divisionText), refs.divisions.contains(code.value) {
                division = code
            } else {
                fail(.division, "history_division_unknown", ["value": divisionText])
            }
        } else if let located {
            division = located
        } else if location != nil {
            fail(.longitude, "history_position_outside")
        } else {
            fail(.division, "history_place_required")
        }
        if let division, let scope = refs.scope, !scope.contains(division) {
            fail(.division, "history_division_outside", ["value": division.value, "scope": scope.value])
        }

        var unitID: UUID?
        let unitText = value(.unit)
        if times[.dispatched] != nil {
            if unitText.isEmpty {
                fail(.unit, "history_unit_required")
            } else if let unit = refs.units[unitText] {
                unitID = unit.id
                if let division, let home = DivisionCode(unit.division), !home.contains(division) && !division.contains(home) {
                    fail(.unit, "history_unit_elsewhere", ["value": unitText])
                } else if let scope = refs.scope, let home = DivisionCode(unit.division), !home.contains(scope) && !scope.contains(home) {
                    fail(.unit, "history_unit_elsewhere", ["value": unitText])
                }
            } else {
                fail(.unit, "history_unit_unknown", ["value": unitText])
            }
        }

        let satisfactionText = value(.satisfaction)
        var evaluation: Evaluation?
        if !satisfactionText.isEmpty {
            if let satisfaction = Satisfaction.allCases.first(where: {
                $0.rawValue == satisfactionText || $0.title(english: false) == satisfactionText
            }) {
                let solvedText = value(.solved).lowercased()
                var solved = satisfaction != .dissatisfied
                if ["yes", "true", "1", "是", "已解决"].contains(solvedText) {
                    solved = true
                } else if ["no", "false", "0", "否", "未解决"].contains(solvedText) {
                    solved = false
                } else if !solvedText.isEmpty {
                    fail(.solved, "history_solved_unknown", ["value": solvedText])
                }
                evaluation = Evaluation(satisfaction: satisfaction, solved: solved)
            } else {
                fail(.satisfaction, "history_satisfaction_unknown", ["value": satisfactionText])
            }
        }
        let steps = HistorySteps(times: times, evaluation: evaluation)
        if !problems.contains(where: { $0.key == "history_time_format" || $0.key == "history_satisfaction_unknown" }) {
            for problem in steps.problems(now: now) {
                switch problem {
                case .missingStep(let step, let needed):
                    fail(columnOfStep[step]!, "history_step_missing", ["needs": needed.rawValue])
                case .beforeStep(let step, let earlier):
                    fail(columnOfStep[step]!, "history_step_order", ["earlier": earlier.rawValue])
                case .inFuture(let step):
                    fail(columnOfStep[step]!, "history_step_future")
                case .evaluationWithoutRevisit:
                    fail(.revisitedAt, "history_revisit_missing")
                case .revisitWithoutEvaluation:
                    fail(.satisfaction, "history_satisfaction_missing")
                }
            }
        }

        var phone: PhoneNumber?
        let phoneText = value(.requesterPhone)
        if !phoneText.isEmpty {
            do { phone = try PhoneNumber(parsing: phoneText) } catch { fail(.requesterPhone, "history_phone_invalid") }
        }
        let name = value(.requesterName)
        if name.count > 50 { fail(.requesterName, "history_name_long") }
        let description = value(.description)
        if description.isEmpty || description.count > 4000 { fail(.description, "history_description_length") }
        var title = value(.title)
        if title.count > 200 { fail(.title, "history_title_long") }
        if title.isEmpty { title = category?.name ?? "" }
        let address = value(.address)
        if address.count > 300 { fail(.address, "history_address_long") }

        guard problems.isEmpty, let channel, let kind, let category, let division else { return (nil, problems) }
        var grid: (code: String, version: Int)?
        if let placed, let located, division.contains(located) { grid = (placed.path.grid, placed.version) }
        return (
            HistoryRow(
                line: line, number: number, steps: steps, channel: channel, requestKind: kind, category: category, unitID: unitID,
                division: division, grid: grid, location: location, requesterName: name.isEmpty ? nil : name,
                requesterPhone: phone, title: title, description: description, address: address.isEmpty ? nil : address),
            []
        )
    }
}
