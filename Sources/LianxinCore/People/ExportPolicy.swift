import Foundation

/// How much personal data one person may take out of Lianxin in files. Each export is capped (a
/// larger one must be narrowed by filters), and a person whose exports add up past the alert
/// volume within a day is reported to the auditors: the export still happens, but someone looks.
/// Unmasked rows count as many masked ones, since each carries a full ID number and phone.
public struct ExportPolicy: Sendable, Equatable {
    /// The most rows one masked export may hold.
    public var maskedRowCap: Int
    /// The most rows one unmasked export may hold.
    public var unmaskedRowCap: Int
    /// The weighted rows within `window` beyond which an alert is raised.
    public var alertVolume: Int
    /// How many masked rows one unmasked row weighs.
    public var unmaskedWeight: Int
    /// The sliding window the volume is summed over.
    public var window: TimeInterval

    public init(
        maskedRowCap: Int = 20_000, unmaskedRowCap: Int = 2_000, alertVolume: Int = 10_000, unmaskedWeight: Int = 10, window: TimeInterval = 86_400
    ) {
        self.maskedRowCap = maskedRowCap
        self.unmaskedRowCap = unmaskedRowCap
        self.alertVolume = alertVolume
        self.unmaskedWeight = unmaskedWeight
        self.window = window
    }

    /// The cap of one export.
    public func cap(unmasked: Bool) -> Int { unmasked ? unmaskedRowCap : maskedRowCap }

    /// The weight of an export of `rows` rows.
    public func weight(rows: Int, unmasked: Bool) -> Int { unmasked ? rows * unmaskedWeight : rows }

    /// Whether an export of `rows` rows, after `earlier` weighted rows within the window, crosses
    /// the alert volume (only the export that crosses it alerts, not every one after).
    public func crossesAlert(earlier: Int, rows: Int, unmasked: Bool) -> Bool {
        earlier <= alertVolume && earlier + weight(rows: rows, unmasked: unmasked) > alertVolume
    }
}
