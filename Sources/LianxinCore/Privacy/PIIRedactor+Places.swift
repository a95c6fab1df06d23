import Foundation

extension Scan {
    // MARK: Door details

    /// Units of an address below the road, longest first; `strong` ones identify a dwelling alone.
    static let units: [(text: [Character], strong: Bool)] = [
        ("号楼", true), ("号院", false), ("号房", true), ("单元", true), ("号", false), ("栋", true), ("幢", true),
        ("座", false), ("楼", false), ("层", false), ("室", true), ("户", true), ("房", true),
    ].map { (Array($0.0), $0.1) }
    /// Units a Chinese-numeral or lettered number may carry (三单元, A座); 两室 and 一楼 are not doors.
    static let wordNumberUnits: Set<String> = ["栋", "幢", "单元", "号楼", "座"]
    /// After 号, these make it something else: 3号线, 12号文件, 1号令.
    static let notDoorAfterHao: Set<Character> = ["线", "文", "令", "码", "称", "召", "外", "角", "人", "机", "病", "球", "台", "车"]
    /// A lone "18号" is a house number after these (幸福路18号, 住18号).
    static let placeEndings: Set<Character> = [
        "路", "街", "巷", "道", "村", "组", "弄", "里", "园", "苑", "区", "庄", "屯", "湾", "城", "府", "院", "寨", "住", "居", "胡", "同", "厦",
    ]
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两"]

    struct Token {
        var end: Int
        var strong: Bool
        var unit: String?
        var dashGroups: Int
    }

    static func matches(_ text: [Character], _ word: [Character], at index: Int) -> Bool {
        index + word.count <= text.count && Array(text[index..<(index + word.count)]) == word
    }

    /// One "<number><unit>" at `index`: 18号, 3栋, 五单元, A座, 3-2-501, 502室.
    static func token(_ text: [Character], at index: Int, afterToken: Bool) -> Token? {
        var cursor = index
        var groups: [Range<Int>] = []
        var wordNumber = false
        if digit(text[cursor]) != nil {
            while cursor < text.count, digit(text[cursor]) != nil {
                let start = cursor
                while cursor < text.count, digit(text[cursor]) != nil { cursor += 1 }
                groups.append(start..<cursor)
                guard cursor + 1 < text.count, text[cursor] == "-" || text[cursor] == "－", digit(text[cursor + 1]) != nil else { break }
                cursor += 1
            }
        } else if chineseNumerals.contains(text[cursor]) {
            while cursor < text.count, cursor - index < 4, chineseNumerals.contains(text[cursor]) { cursor += 1 }
            wordNumber = true
        } else if text[cursor].isASCII, text[cursor].isLetter, cursor + 1 < text.count {
            cursor += 1
            wordNumber = true
        } else {
            return nil
        }
        for unit in units where matches(text, unit.text, at: cursor) {
            let name = String(unit.text)
            let after = cursor + unit.text.count
            if wordNumber && !wordNumberUnits.contains(name) { continue }
            if name == "号", after < text.count, notDoorAfterHao.contains(text[after]) { continue }
            if name == "室", text[after...].prefix(2).contains("厅") { continue }
            return Token(end: after, strong: unit.strong, unit: name, dashGroups: groups.count)
        }
        // 3-2-501: building, unit, room (a phone or card number written with dashes has more digits).
        if groups.count >= 3, groups.reduce(0, { $0 + $1.count }) <= 8, !dateGroups(text, groups) {
            return Token(end: cursor, strong: true, unit: nil, dashGroups: groups.count)
        }
        // A room number after a building: 3栋502.
        if afterToken, groups.count == 1, (2...5).contains(groups[0].count) {
            return Token(end: cursor, strong: false, unit: nil, dashGroups: 1)
        }
        return nil
    }

    static func doors(_ text: [Character]) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index < text.count {
            // A number starts here unless it continues one: a digit after a digit, a Chinese numeral
            // after a numeral or digit (十三单元), a letter after a letter or digit.
            let previous: Character? = index > 0 ? text[index - 1] : nil
            let current = text[index]
            let boundary =
                previous.map { previous in
                    // A star is a digit already hidden: what follows it was part of that number.
                    if digit(previous) != nil || previous == "*" { return false }
                    if chineseNumerals.contains(current) { return !chineseNumerals.contains(previous) }
                    if current.isASCII && current.isLetter { return !(previous.isASCII && (previous.isLetter || previous.isNumber)) }
                    return true
                } ?? true
            guard boundary, previous != "月", previous != "第", let first = token(text, at: index, afterToken: false) else {
                index += 1
                continue
            }
            var tokens = [first]
            while let last = tokens.last, last.unit != nil, last.end < text.count, let next = token(text, at: last.end, afterToken: true) {
                tokens.append(next)
            }
            let placed = previous.map { placeEndings.contains($0) } ?? false
            let door =
                tokens.contains(where: \.strong) || tokens.count >= 2
                || (placed && (first.unit == "号" || first.unit == "号院")) || (first.dashGroups >= 2 && first.unit != nil)
            if door {
                found.append(Finding(kind: .door, range: index..<tokens[tokens.count - 1].end))
                index = tokens[tokens.count - 1].end
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: Names

    /// Words after which a name follows (来电人张三丰, 姓名：李四).
    static let nameCues: [[Character]] = ["被反映人", "来电人", "联系人", "反映人", "投诉人", "举报人", "求助人", "报事人", "当事人", "姓名", "市民", "户主"]
        .map(Array.init)
    /// Words that end a name, or show that what follows the cue is not one.
    static let notName: [[Character]] =
        [
            "反映", "反应", "来电", "投诉", "举报", "询问", "咨询", "要求", "希望", "表示", "电话", "手机", "联系", "身份", "地址", "先生", "女士",
            "师傅", "同志", "老人", "通过", "中心", "服务", "热线", "广场", "公园", "之家", "群众", "朋友", "代表", "文明", "信息", "诉求", "意见",
            "满意", "姓名", "家住", "现住", "居住", "称", "说", "住", "的", "在", "于", "对", "因", "已", "未", "不", "向", "等", "及", "和", "与",
            "们", "卡", "是", "称其",
        ].map(Array.init) + nameCues
    static let nameLeadIns: Set<Character> = [":", "：", "是", "为", "叫", " ", "\u{3000}", "(", "（"]

    static func names(_ text: [Character]) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index < text.count {
            guard let cue = nameCues.first(where: { matches(text, $0, at: index) }) else {
                index += 1
                continue
            }
            var start = index + cue.count
            while start < text.count, start - (index + cue.count) < 2, nameLeadIns.contains(text[start]) { start += 1 }
            var length = 0
            while start + length < text.count, length < 4, isHan(text[start + length]) {
                // A one-character stop ends a name but may begin one (于 is also a surname).
                let stops = notName.filter { length > 0 || $0.count > 1 || $0 == ["们"] || $0 == ["的"] }
                if stops.contains(where: { matches(text, $0, at: start + length) }) { break }
                length += 1
            }
            if length >= 2 { found.append(Finding(kind: .name, range: start..<(start + length))) }
            index = length >= 2 ? start + length : index + cue.count
        }
        return found
    }
}
