/// China's statutory holidays and make-up working days (调休上班) for 2020–2026, as announced each year in
/// 国务院办公厅关于20XX年部分节假日安排的通知. Later years are loaded as data (`HolidaySchedule(text:)`).
public enum ChinaHolidays {
    /// Every day off and every make-up working day of the 2020–2026 notices.
    public static let schedule: HolidaySchedule = {
        do {
            return try HolidaySchedule(periods.flatMap(\.entries))
        } catch {
            preconditionFailure("The built-in holiday table is inconsistent: \(error)")
        }
    }()

    /// The years this table covers.
    public static let years = 2020...2026

    /// One festival of a notice: the days off from `first` through `last` and the weekend days worked in exchange.
    struct Period {
        let name: String
        let first: LocalDate
        let last: LocalDate
        let workdays: [LocalDate]

        init(_ name: String, _ first: LocalDate, _ last: LocalDate, workdays: [LocalDate] = []) {
            self.name = name
            self.first = first
            self.last = last
            self.workdays = workdays
        }

        var entries: [HolidayEntry] {
            (first.daysSinceEpoch...last.daysSinceEpoch).map {
                HolidayEntry(date: LocalDate(daysSinceEpoch: $0), kind: .holiday, name: name)
            } + workdays.map { HolidayEntry(date: $0, kind: .workday, name: name) }
        }
    }

    static let periods: [Period] = [
        // 2020: 国务院办公厅关于2020年部分节假日安排的通知 (gov.cn/zhengce/content/2019-11/21/content_5454164.htm),
        // and 国务院办公厅关于延长2020年春节假期的通知 (content_5472352), which extended the Spring Festival
        // to Sunday 2 February, so Saturday 1 February, first announced as a working day, became a day off.
        Period("元旦", "2020-01-01", "2020-01-01"),
        Period("春节", "2020-01-24", "2020-02-02", workdays: ["2020-01-19"]),
        Period("清明节", "2020-04-04", "2020-04-06"),
        Period("劳动节", "2020-05-01", "2020-05-05", workdays: ["2020-04-26", "2020-05-09"]),
        Period("端午节", "2020-06-25", "2020-06-27", workdays: ["2020-06-28"]),
        Period("国庆节、中秋节", "2020-10-01", "2020-10-08", workdays: ["2020-09-27", "2020-10-10"]),

        // 2021: 国务院办公厅关于2021年部分节假日安排的通知 (gov.cn/zhengce/content/2020-11/25/content_5564127.htm)
        Period("元旦", "2021-01-01", "2021-01-03"),
        Period("春节", "2021-02-11", "2021-02-17", workdays: ["2021-02-07", "2021-02-20"]),
        Period("清明节", "2021-04-03", "2021-04-05"),
        Period("劳动节", "2021-05-01", "2021-05-05", workdays: ["2021-04-25", "2021-05-08"]),
        Period("端午节", "2021-06-12", "2021-06-14"),
        Period("中秋节", "2021-09-19", "2021-09-21", workdays: ["2021-09-18"]),
        Period("国庆节", "2021-10-01", "2021-10-07", workdays: ["2021-09-26", "2021-10-09"]),

        // 2022: 国务院办公厅关于2022年部分节假日安排的通知 (gov.cn/zhengce/content/2021-10/25/content_5644835.htm)
        Period("元旦", "2022-01-01", "2022-01-03"),
        Period("春节", "2022-01-31", "2022-02-06", workdays: ["2022-01-29", "2022-01-30"]),
        Period("清明节", "2022-04-03", "2022-04-05", workdays: ["2022-04-02"]),
        Period("劳动节", "2022-04-30", "2022-05-04", workdays: ["2022-04-24", "2022-05-07"]),
        Period("端午节", "2022-06-03", "2022-06-05"),
        Period("中秋节", "2022-09-10", "2022-09-12"),
        Period("国庆节", "2022-10-01", "2022-10-07", workdays: ["2022-10-08", "2022-10-09"]),

        // 2023: 国务院办公厅关于2023年部分节假日安排的通知 (gov.cn/zhengce/content/2022-12/08/content_5730844.htm);
        // its New Year holiday starts on 31 December 2022.
        Period("元旦", "2022-12-31", "2023-01-02"),
        Period("春节", "2023-01-21", "2023-01-27", workdays: ["2023-01-28", "2023-01-29"]),
        Period("清明节", "2023-04-05", "2023-04-05"),
        Period("劳动节", "2023-04-29", "2023-05-03", workdays: ["2023-04-23", "2023-05-06"]),
        Period("端午节", "2023-06-22", "2023-06-24", workdays: ["2023-06-25"]),
        Period("中秋节、国庆节", "2023-09-29", "2023-10-06", workdays: ["2023-10-07", "2023-10-08"]),

        // 2024: 国务院办公厅关于2024年部分节假日安排的通知 (gov.cn/zhengce/content/202310/content_6911527.htm);
        // New Year's Day and the Dragon Boat Festival join the adjacent weekends, and New Year's Eve
        // of the Spring Festival (9 February) stays a working day.
        Period("元旦", "2024-01-01", "2024-01-01"),
        Period("春节", "2024-02-10", "2024-02-17", workdays: ["2024-02-04", "2024-02-18"]),
        Period("清明节", "2024-04-04", "2024-04-06", workdays: ["2024-04-07"]),
        Period("劳动节", "2024-05-01", "2024-05-05", workdays: ["2024-04-28", "2024-05-11"]),
        Period("端午节", "2024-06-10", "2024-06-10"),
        Period("中秋节", "2024-09-15", "2024-09-17", workdays: ["2024-09-14"]),
        Period("国庆节", "2024-10-01", "2024-10-07", workdays: ["2024-09-29", "2024-10-12"]),

        // 2025: 国务院办公厅关于2025年部分节假日安排的通知 (gov.cn/zhengce/content/202411/content_6986382.htm),
        // the first under the revised rules that add New Year's Eve and 2 May as statutory days.
        Period("元旦", "2025-01-01", "2025-01-01"),
        Period("春节", "2025-01-28", "2025-02-04", workdays: ["2025-01-26", "2025-02-08"]),
        Period("清明节", "2025-04-04", "2025-04-06"),
        Period("劳动节", "2025-05-01", "2025-05-05", workdays: ["2025-04-27"]),
        Period("端午节", "2025-05-31", "2025-06-02"),
        Period("国庆节、中秋节", "2025-10-01", "2025-10-08", workdays: ["2025-09-28", "2025-10-11"]),

        // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)
        Period("元旦", "2026-01-01", "2026-01-03", workdays: ["2026-01-04"]),
        Period("春节", "2026-02-15", "2026-02-23", workdays: ["2026-02-14", "2026-02-28"]),
        Period("清明节", "2026-04-04", "2026-04-06"),
        Period("劳动节", "2026-05-01", "2026-05-05", workdays: ["2026-05-09"]),
        Period("端午节", "2026-06-19", "2026-06-21"),
        Period("中秋节", "2026-09-25", "2026-09-27"),
        Period("国庆节", "2026-10-01", "2026-10-07", workdays: ["2026-09-20", "2026-10-10"]),
    ]
}
