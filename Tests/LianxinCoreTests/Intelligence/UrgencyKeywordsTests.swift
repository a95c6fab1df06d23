import Testing
@testable import LianxinCore

/// Issue 18 item 15: a gas leak found on a visit is urgent.
@Suite("UrgencyKeywords: danger words raise the priority")
struct UrgencyKeywordsTests {
    @Test func item15_aGasLeakIsVeryUrgentAndGasWorkIsUrgent() {
        #expect(UrgencyKeywords.priority(for: "走访发现：厨房有燃气泄漏的味道") == .veryUrgent)
        #expect(UrgencyKeywords.priority(for: "楼道里闻到 煤气味") == .veryUrgent)
        #expect(UrgencyKeywords.priority(for: "燃气管道老化需要更换") == .urgent)
        #expect(UrgencyKeywords.priority(for: "路灯不亮") == .normal)
    }
}
