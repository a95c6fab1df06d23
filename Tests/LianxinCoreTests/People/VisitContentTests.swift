import Testing
@testable import LianxinCore

/// Issue 18 item 3: an empty visit is no visit.
@Suite("VisitContent: what makes a visit")
struct VisitContentTests {
    @Test func item03_anEmptyVisitIsEmptyAndAnythingRecordedMakesItAVisit() {
        #expect(VisitContent(note: "", findings: 0, photos: 0).isEmpty)
        #expect(VisitContent(note: "  \n ", findings: 0, photos: 0).isEmpty)
        #expect(VisitContent(note: "好", findings: 0, photos: 0).isEmpty, "one character says nothing")
        #expect(!VisitContent(note: "老人身体尚好", findings: 0, photos: 0).isEmpty)
        #expect(!VisitContent(note: "", findings: 1, photos: 0).isEmpty)
        #expect(!VisitContent(note: "", findings: 0, photos: 1).isEmpty)
    }
}
