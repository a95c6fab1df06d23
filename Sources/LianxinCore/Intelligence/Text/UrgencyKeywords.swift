import Foundation

/// Words in a request that make it urgent whatever its category: danger to life comes first (a gas leak found on
/// a visit must not wait in the queue as "一般"). Used when nobody chose a priority: the intake of every channel,
/// so the desk, visits, 随手拍 and the API agree.
public enum UrgencyKeywords {
    /// Danger now: leaks, fire, explosion, electric shock, collapse, people trapped.
    public static let veryUrgent: [String] = [
        "燃气泄漏", "煤气泄漏", "天然气泄漏", "液化气泄漏", "燃气泄露", "煤气泄露", "天然气泄露", "漏气", "燃气味", "煤气味",
        "天然气味", "一氧化碳", "煤气中毒", "起火", "着火", "火灾", "失火", "爆炸", "触电", "坍塌", "塌方", "倒塌", "被困", "困人",
        "溺水",
    ]
    /// Risk soon: gas appliances and pipes, exposed wires, open manholes, burst mains, dangerous buildings.
    public static let urgent: [String] = [
        "燃气", "煤气", "天然气", "液化气", "电线裸露", "漏电", "冒烟", "井盖缺失", "井盖丢失", "爆管", "水管爆裂", "管道破裂",
        "危房", "高空坠物",
    ]

    /// The priority the words of `text` call for: `veryUrgent`, `urgent` or `normal`.
    public static func priority(for text: String) -> Priority {
        let folded = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        if veryUrgent.contains(where: folded.contains) { return .veryUrgent }
        if urgent.contains(where: folded.contains) { return .urgent }
        return .normal
    }
}
