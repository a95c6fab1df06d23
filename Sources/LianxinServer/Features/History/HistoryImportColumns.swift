import Foundation

/// The columns of an order-history file (docs/history-import.md): each with its English name and the Chinese
/// header another system may write instead.
enum HistoryColumn: String, CaseIterable, Sendable {
    case number, receivedAt = "received_at", dispatchedAt = "dispatched_at", signedAt = "signed_at"
    case completedAt = "completed_at", revisitedAt = "revisited_at", closedAt = "closed_at"
    case channel, requestKind = "request_kind", category, unit, division, longitude, latitude
    case requesterName = "requester_name", requesterPhone = "requester_phone", title, description, address
    case satisfaction, solved

    /// The Chinese header of the column.
    var chinese: String {
        switch self {
        case .number: "工单编号"
        case .receivedAt: "受理时间"
        case .dispatchedAt: "派单时间"
        case .signedAt: "签收时间"
        case .completedAt: "办结时间"
        case .revisitedAt: "回访时间"
        case .closedAt: "结案时间"
        case .channel: "渠道"
        case .requestKind: "诉求类型"
        case .category: "事项分类"
        case .unit: "承办单位"
        case .division: "区划"
        case .longitude: "经度"
        case .latitude: "纬度"
        case .requesterName: "诉求人"
        case .requesterPhone: "联系电话"
        case .title: "标题"
        case .description: "诉求内容"
        case .address: "地址"
        case .satisfaction: "满意度"
        case .solved: "是否解决"
        }
    }

    /// The columns every file must have.
    static let required: [HistoryColumn] = [.number, .receivedAt, .category, .description]
}

/// Where each column sits in a file, from its header row.
struct HistoryHeader: Sendable {
    let positions: [HistoryColumn: Int]
    let width: Int

    /// Reads the header; the problems name each missing or repeated column.
    static func read(_ fields: [String]) -> (HistoryHeader, [HistoryProblem]) {
        var positions: [HistoryColumn: Int] = [:]
        var problems: [HistoryProblem] = []
        for (index, raw) in fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let column = HistoryColumn.allCases.first(where: { $0.rawValue == name.lowercased() || $0.chinese == name }) else {
                problems.append(HistoryProblem(line: 1, column: index + 1, field: name, key: "history_column_unknown"))
                continue
            }
            if positions[column] != nil {
                problems.append(HistoryProblem(line: 1, column: index + 1, field: column.rawValue, key: "history_column_twice"))
            }
            positions[column] = index
        }
        for column in HistoryColumn.required where positions[column] == nil {
            problems.append(HistoryProblem(line: 1, column: nil, field: column.rawValue, key: "history_column_missing"))
        }
        if positions[.division] == nil && (positions[.longitude] == nil || positions[.latitude] == nil) {
            problems.append(HistoryProblem(line: 1, column: nil, field: HistoryColumn.division.rawValue, key: "history_column_place"))
        }
        return (HistoryHeader(positions: positions, width: fields.count), problems)
    }

    /// The trimmed value of `column` in a record ("" when the file has no such column).
    func value(_ column: HistoryColumn, in fields: [String]) -> String {
        guard let index = positions[column], index < fields.count else { return "" }
        return fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The 1-based column number of `column`, if the file has it.
    func number(of column: HistoryColumn) -> Int? { positions[column].map { $0 + 1 } }
}

/// One problem of a history file: where (line, column) and what, as a locale key with values.
struct HistoryProblem: Sendable, Hashable {
    let line: Int
    let column: Int?
    let field: String
    let key: String
    var values: [String: String] = [:]

    /// The problem in words, in `language`: 第 12 行第 4 列（category）：….
    func text(_ localizer: Localizer, _ language: Localizer.Language) -> String {
        var message = localizer.text(key, language)
        for (name, value) in values { message = message.replacingOccurrences(of: "{\(name)}", with: value) }
        let placeKey = column == nil ? "history_place_line" : "history_place_cell"
        let place = localizer.text(placeKey, language)
            .replacingOccurrences(of: "{line}", with: String(line))
            .replacingOccurrences(of: "{column}", with: column.map(String.init) ?? "")
            .replacingOccurrences(of: "{field}", with: field)
        return place + message
    }
}
