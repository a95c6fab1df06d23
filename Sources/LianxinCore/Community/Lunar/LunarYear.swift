/// One month of a lunar year as the table describes it.
struct LunarMonth: Sendable, Hashable {
    let number: Int
    let isLeap: Bool
    let dayCount: Int
}

/// One lunar year decoded from `LunarYearTable`: its months in order (a leap month right after its namesake)
/// and the Gregorian day on which it begins.
struct LunarYear: Sendable {
    let number: Int
    let firstDay: LocalDate
    let months: [LunarMonth]

    /// Every year of the table, decoded once.
    static let all: [LunarYear] = {
        var firstDay = LunarYearTable.firstNewYear
        return LunarYearTable.codes.enumerated().map { offset, code in
            let year = LunarYear(number: LunarYearTable.firstYear + offset, firstDay: firstDay, code: code)
            firstDay = firstDay.adding(days: year.dayCount)
            return year
        }
    }()

    private init(number: Int, firstDay: LocalDate, code: Int) {
        let leapMonth = code & 0xF
        var months: [LunarMonth] = []
        for month in 1...12 {
            months.append(LunarMonth(number: month, isLeap: false, dayCount: code & (0x10000 >> month) != 0 ? 30 : 29))
            if month == leapMonth {
                months.append(LunarMonth(number: month, isLeap: true, dayCount: code & 0x10000 != 0 ? 30 : 29))
            }
        }
        self.number = number
        self.firstDay = firstDay
        self.months = months
    }

    var dayCount: Int { months.reduce(0) { $0 + $1.dayCount } }

    /// The year numbered `number`, if the table has it.
    static func numbered(_ number: Int) -> LunarYear? {
        let index = number - LunarYearTable.firstYear
        return all.indices.contains(index) ? all[index] : nil
    }

    /// The year in which the Gregorian `day` falls, if the table covers it.
    static func containing(_ day: LocalDate) -> LunarYear? {
        guard let last = all.last, day >= LunarYearTable.firstNewYear,
            day < last.firstDay.adding(days: last.dayCount)
        else { return nil }
        var low = 0, high = all.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if all[middle].firstDay <= day { low = middle } else { high = middle - 1 }
        }
        return all[low]
    }
}
