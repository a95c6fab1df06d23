import Foundation
import Testing
@testable import LianxinCore

@Suite struct SVGMapProjectionTests {
    let box = BoundingBox(minLon: 117.90, minLat: 28.40, maxLon: 118.00, maxLat: 28.48)

    @Test func theBoxFitsTheWidthWithItsMarginAndKeepsItsShape() {
        let map = SVGMapProjection(fitting: box, width: 1000, margin: 0.05)
        let (x0, y0) = map.project(GeoPoint(lon: box.minLon, lat: box.maxLat))
        let (x1, y1) = map.project(GeoPoint(lon: box.maxLon, lat: box.minLat))
        #expect(abs(x0 - 1000 * 0.05 / 1.1) < 1e-6 && abs((1000 - x1) - x0) < 1e-6)
        #expect(y0 > 0 && y1 > y0 && y1 < map.height)
        // At 28.44°N a degree of longitude is cos(28.44°) of a degree of latitude on the ground, and on the map.
        let widthPerHeight = (x1 - x0) / (y1 - y0)
        #expect(abs(widthPerHeight - (0.10 * cos(28.44 * .pi / 180)) / 0.08) < 1e-9)
    }

    @Test func aClickTurnsBackIntoThePositionDrawnThere() {
        let map = SVGMapProjection(fitting: box)
        for point in [GeoPoint(lon: 117.9431, lat: 28.4547), GeoPoint(lon: 117.90, lat: 28.48), GeoPoint(lon: 118.0, lat: 28.4)] {
            let (x, y) = map.project(point)
            let back = map.inverse(x: x, y: y)
            #expect(abs(back.lon - point.lon) < 1e-12 && abs(back.lat - point.lat) < 1e-12)
        }
    }

    @Test func ringsBecomeClosedSubpathsHolesIncluded() {
        let map = SVGMapProjection(fitting: BoundingBox(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1), width: 100, margin: 0)
        let outer = LinearRing(closing: [GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 0, lat: 1)])
        let hole = LinearRing(closing: [
            GeoPoint(lon: 0.25, lat: 0.25), GeoPoint(lon: 0.25, lat: 0.75), GeoPoint(lon: 0.75, lat: 0.75), GeoPoint(lon: 0.75, lat: 0.25),
        ])
        let path = map.path(.polygon(Polygon(outer: outer, holes: [hole])))
        #expect(path == "M0 100L100 100L100 0L0 0ZM25 75L25 25L75 25L75 75Z")
        #expect(SVGMapProjection.number(-0.04) == "0" && SVGMapProjection.number(-0.5) == "-0.5" && SVGMapProjection.number(12.34) == "12.3")
    }
}
