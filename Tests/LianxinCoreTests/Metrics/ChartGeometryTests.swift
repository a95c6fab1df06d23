import Testing
@testable import LianxinCore

@Suite struct ChartGeometryTests {
    @Test func columnsAreScaledToTheLargestValue() {
        let bars = ChartGeometry.columns([("a", 2), ("b", 4), ("c", 0)], width: 300, height: 100, gap: 0.2)
        #expect(bars.map(\.height) == [50, 100, 0])
        #expect(bars.map(\.y) == [50, 0, 100])
        #expect(bars.map(\.x) == [10, 110, 210])
        #expect(bars.allSatisfy { $0.width == 80 })
        #expect(ChartGeometry.columns([], width: 300, height: 100).isEmpty)
    }

    @Test func rowsStackDownwards() {
        let bars = ChartGeometry.rows([("a", 5), ("b", 10)], width: 200, rowHeight: 20, gap: 0.5)
        #expect(bars.map(\.width) == [100, 200])
        #expect(bars.map(\.y) == [5, 25])
        #expect(bars.allSatisfy { $0.height == 10 })
    }

    @Test func aLineSkipsMissingValues() {
        #expect(ChartGeometry.line([1, nil, 0.5], width: 300, height: 100, maximum: 1) == "50,0 250,50")
        #expect(ChartGeometry.line([2, 4], width: 200, height: 100) == "50,50 150,0")
        #expect(ChartGeometry.line([], width: 100, height: 10) == "")
    }
}
