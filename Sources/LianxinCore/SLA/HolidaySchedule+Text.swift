import Foundation

/// The plain-text form admins load a new State Council notice from:
///
///     # 国务院办公厅关于2027年部分节假日安排的通知
///     date,kind,name
///     2027-01-01,holiday,元旦
///     2027-02-06,workday,春节
///
/// One day per line as `date,kind[,name]`; `kind` is `holiday` or `workday`; blank lines,
/// `#` comments and the header line are skipped; the name may contain commas.
extension HolidaySchedule {
    /// Reads the text form; the first bad line is reported with its number.
    public init(text: String) throws(HolidayScheduleError) {
        var entries: [HolidayEntry] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            if line.isEmpty || line.hasPrefix("#") || line.lowercased().hasPrefix("date,kind") { continue }
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, let date = LocalDate(iso: fields[0]), let kind = DayKind(rawValue: fields[1])
            else { throw .invalidLine(number: index + 1, text: line) }
            let name = fields.count == 3 && !fields[2].isEmpty ? fields[2] : nil
            entries.append(HolidayEntry(date: date, kind: kind, name: name))
        }
        try self.init(entries)
    }

    /// The text form, header first and days in order; reading it back gives an equal schedule.
    public var text: String {
        var lines = ["date,kind,name"]
        for entry in entries {
            lines.append([entry.date.description, entry.kind.rawValue, entry.name ?? ""].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
