import Foundation

/// Limits on what anyone (or a community's staff) can make the server publish or swallow: which
/// orders Open311 lists, the size and number of public photos and the per-address upload quotas,
/// and the size of imports. Read with the other settings (`LianxinSettings.exposure`).
public struct ExposureLimits: Sendable {
    /// Open311 reads list orders of every channel (redacted and coarsened), not only public ones.
    public var open311AllChannels = false
    /// The largest photo taken from the public (resident pages, Open311), in bytes.
    public var publicPhotoBytes = 3 * 1_048_576
    /// Photos the public may add to one order.
    public var publicPhotosPerOrder = 5
    /// Photos one client address may upload through the public surfaces per hour and per day.
    public var publicUploadsPerHour = 20
    public var publicUploadsPerDay = 60
    /// The largest CSV import, in bytes and data rows.
    public var importCSVBytes = 20 * 1_048_576
    public var importCSVRows = 200_000
    /// The largest GeoJSON import, in bytes and polygon vertices.
    public var importGeoJSONBytes = 10 * 1_048_576
    public var importGeoJSONVertices = 1_000_000

    public init() {}

    static let documented: [LianxinSettings.Documented] = [
        .init(
            variable: "LIANXIN_OPEN311_ALL_CHANNELS", defaultValue: "false",
            meaning:
                "`true` lets Open311 reads list orders of every channel (hotline, grid, internal…), still redacted and coarsened; by default only orders a resident made public"
        ),
        .init(
            variable: "LIANXIN_PUBLIC_PHOTO_MB", defaultValue: "3",
            meaning: "largest photo taken from the public (resident pages, Open311), in megabytes"),
        .init(variable: "LIANXIN_PUBLIC_PHOTOS_PER_ORDER", defaultValue: "5", meaning: "photos the public may add to one order"),
        .init(
            variable: "LIANXIN_PUBLIC_UPLOADS_PER_HOUR", defaultValue: "20",
            meaning: "photos one client address may upload through the public surfaces per hour (and `LIANXIN_PUBLIC_UPLOADS_PER_DAY`, 60, per day)"),
        .init(variable: "LIANXIN_PUBLIC_UPLOADS_PER_DAY", defaultValue: "60", meaning: "photos one client address may upload publicly per day"),
        .init(variable: "LIANXIN_IMPORT_CSV_MB", defaultValue: "20", meaning: "largest CSV import (residents), in megabytes (1–256)"),
        .init(variable: "LIANXIN_IMPORT_CSV_ROWS", defaultValue: "200000", meaning: "most data rows in one CSV import"),
        .init(
            variable: "LIANXIN_IMPORT_GEOJSON_MB", defaultValue: "10", meaning: "largest GeoJSON import (grids, grid changes), in megabytes (1–256)"),
        .init(variable: "LIANXIN_IMPORT_GEOJSON_VERTICES", defaultValue: "1000000", meaning: "most polygon vertices in one GeoJSON import"),
    ]

    /// Reads the limits; `maxUploadBytes` caps the public photo size.
    static func load(_ value: (String) -> String?, maxUploadBytes: Int) throws -> ExposureLimits {
        func int(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw LianxinSettings.Problem.invalid(
                    variable: name, value: text, reason: "expected a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }
        var limits = ExposureLimits()
        if let text = value("LIANXIN_OPEN311_ALL_CHANNELS") {
            switch text.lowercased() {
            case "1", "true", "yes", "on": limits.open311AllChannels = true
            case "0", "false", "no", "off": limits.open311AllChannels = false
            default: throw LianxinSettings.Problem.invalid(variable: "LIANXIN_OPEN311_ALL_CHANNELS", value: text, reason: "expected true or false")
            }
        }
        limits.publicPhotoBytes = min(maxUploadBytes, try int("LIANXIN_PUBLIC_PHOTO_MB", 3, 1...50) * 1_048_576)
        limits.publicPhotosPerOrder = try int("LIANXIN_PUBLIC_PHOTOS_PER_ORDER", 5, 0...30)
        limits.publicUploadsPerHour = try int("LIANXIN_PUBLIC_UPLOADS_PER_HOUR", 20, 1...100_000)
        limits.publicUploadsPerDay = try int("LIANXIN_PUBLIC_UPLOADS_PER_DAY", 60, 1...1_000_000)
        limits.importCSVBytes = try int("LIANXIN_IMPORT_CSV_MB", 20, 1...256) * 1_048_576
        limits.importCSVRows = try int("LIANXIN_IMPORT_CSV_ROWS", 200_000, 1...10_000_000)
        limits.importGeoJSONBytes = try int("LIANXIN_IMPORT_GEOJSON_MB", 10, 1...256) * 1_048_576
        limits.importGeoJSONVertices = try int("LIANXIN_IMPORT_GEOJSON_VERTICES", 1_000_000, 1_000...100_000_000)
        return limits
    }
}
