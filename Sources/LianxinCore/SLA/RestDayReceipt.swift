/// When a day-based time limit starts counting for a request received on a rest day (a weekend or holiday).
///
/// Government practice counts such a request as received on the next working day, and the period starts the
/// day after it (e.g. 《政府信息公开条例》 applications: 非工作日收到的，自次日起的第一个工作日为收到日).
/// A Sunday receipt with three working days is then due at the end of Thursday, not Wednesday.
public enum RestDayReceipt: String, Sendable, Hashable, Codable, CaseIterable {
    /// Received on a rest day counts as received on the next working day (the default).
    case nextWorkingDay = "next-working-day"
    /// The rest day itself is the day of receipt: the first working day after it is day 1 (the older reading).
    case asReceived = "as-received"
}
