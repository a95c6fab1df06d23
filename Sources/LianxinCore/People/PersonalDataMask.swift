import Foundation

/// Masks personal data for display by default; unmasking is a permission the server checks and audits.
public enum PersonalDataMask {
    /// An ID number with all but the first 6 and last 4 characters starred (18 → 6 + ******** + 4); short input is starred whole.
    public static func idNumber(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 10 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10) + String(characters.suffix(4))
    }

    /// A phone number: 138****5678 for mobiles, 0793-***4567 for landlines; unparseable input keeps only its last 4 digits.
    public static func phone(_ text: String) -> String {
        if let number = try? PhoneNumber(parsing: text) { return number.masked }
        let characters = Array(text)
        guard characters.count > 4 else { return String(repeating: "*", count: characters.count) }
        return String(repeating: "*", count: characters.count - 4) + String(characters.suffix(4))
    }

    /// A name with only the surname shown: 张三 → 张*, 欧阳娜娜 → 欧阳**; a one-character name is starred whole.
    public static func name(_ text: String) -> String {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        guard characters.count > 1 else { return String(repeating: "*", count: characters.count) }
        let kept = characters.count > 2 && compoundSurnames.contains(String(characters.prefix(2))) ? 2 : 1
        return String(characters.prefix(kept)) + String(repeating: "*", count: characters.count - kept)
    }

    /// Free text with every run of 7 or more digits (phone, ID or bank numbers; an ID's final X
    /// included) starred but for its first 3 and last 2 characters, for text shown to the public.
    public static func redactingNumbers(in text: String) -> String {
        var out = ""
        var run: [Character] = []
        func flush() {
            if run.count >= 7 {
                out += String(run.prefix(3)) + String(repeating: "*", count: run.count - 5) + String(run.suffix(2))
            } else {
                out += String(run)
            }
            run.removeAll()
        }
        for character in text {
            if character.isASCII && character.isNumber || (!run.isEmpty && (character == "X" || character == "x")) {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// Two-character surnames (复姓) in current use.
    private static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳",
        "淳于", "单于", "太叔", "申屠", "赫连", "拓跋", "百里", "东郭", "呼延", "羊舌", "微生", "梁丘", "左丘",
        "东门", "第五", "司空", "司寇", "亓官", "仉督", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷",
        "公良", "谷梁", "段干", "南门", "姑苏",
    ]
}
