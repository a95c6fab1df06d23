import Testing
@testable import LianxinCore

@Suite struct ChinaCoordinatesTests {
    @Test func forwardTransformMatchesThePublishedReferenceValue() {
        let gcj = ChinaCoordinates.gcj02(fromWGS84: GeoPoint(lon: 116.404, lat: 39.915))
        #expect(abs(gcj.lon - 116.410_244_499_169_38) < 1e-9)
        #expect(abs(gcj.lat - 39.916_404_281_501_64) < 1e-9)
    }

    @Test func roundTripIsWithinOneMetreAcrossJiangxi() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let wgs = GeoPoint(lon: Double.random(in: 113.5...118.5, using: &random), lat: Double.random(in: 24.5...30, using: &random))
            let gcj = ChinaCoordinates.gcj02(fromWGS84: wgs)
            #expect((50...1000).contains(wgs.distance(to: gcj)))
            let back = ChinaCoordinates.wgs84(fromGCJ02: gcj)
            #expect(back.distance(to: wgs) < 1)
            #expect(back.distance(to: wgs) < 0.001)
        }
    }

    @Test func positionsOutsideChinaAreUnchanged() {
        let paris = GeoPoint(lon: 2.35, lat: 48.85)
        #expect(ChinaCoordinates.gcj02(fromWGS84: paris) == paris)
        #expect(ChinaCoordinates.convert(paris, from: .gcj02, to: .wgs84) == paris)
    }
}
