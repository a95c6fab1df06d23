import Foundation

/// The one-sentence explanation of a hotspot that the pages, the API and `lianxin hotspots` print.
extension HotspotService {
    /// Where, what, how many, and the trend, in one sentence.
    static func explanation(_ record: HotspotRecord, division: String, category: String, windowHours: Double, english: Bool) -> String {
        let days = windowHours.truncatingRemainder(dividingBy: 24) == 0 ? Int(windowHours / 24) : nil
        let place = String(format: "%.5f, %.5f", record.latitude, record.longitude)
        let radius = Int(max(record.radiusMeters, 1).rounded())
        if english {
            let period = days.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "\(Int(windowHours)) hours"
            let trend = ["rising": "rising", "falling": "falling", "steady": "steady"][record.trend] ?? record.trend
            return
                "\(record.orderCount) “\(category)” requests within \(radius) m of \(place) in \(division) over the last \(period); \(record.previousCount) in the period before (\(trend))."
        }
        let period = days.map { "\($0) 天" } ?? "\(Int(windowHours)) 小时"
        let trend = ["rising": "呈上升趋势", "falling": "呈下降趋势", "steady": "基本持平"][record.trend] ?? record.trend
        return "\(division)（\(place) 周边 \(radius) 米内）近 \(period)有 \(record.orderCount) 件「\(category)」诉求，上一周期同区域 \(record.previousCount) 件，\(trend)。"
    }
}
