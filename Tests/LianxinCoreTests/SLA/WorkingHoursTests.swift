import Foundation
import Testing
@testable import LianxinCore

@Suite struct WorkingHoursTests {
    @Test func theStandardDayHasSevenOfficeHours() {
        #expect(WorkingHours.standard.description == "09:00-12:00,13:30-17:30")
        #expect(WorkingHours.standard.secondsPerDay == 7 * 3_600)
        #expect(WorkingHours.standard.closingMinute == 17 * 60 + 30)
    }

    @Test func readsAndWritesTheTextForm() throws {
        let summer = try WorkingHours(parsing: "08:30-12:00, 14:30-17:30")
        #expect(summer.description == "08:30-12:00,14:30-17:30")
        #expect(summer.secondsPerDay == 6 * 3_600 + 30 * 60)
        let data = try JSONEncoder().encode([summer])
        #expect(String(decoding: data, as: UTF8.self) == #"["08:30-12:00,14:30-17:30"]"#)
        #expect(try JSONDecoder().decode([WorkingHours].self, from: data) == [summer])
    }

    @Test func refusesOverlappingOrImpossiblePeriods() {
        #expect(throws: WorkingHoursError.invalidPeriods) { try WorkingHours(parsing: "09:00-12:00,11:00-17:00") }
        #expect(throws: WorkingHoursError.invalidPeriods) { try WorkingHours(parsing: "12:00-09:00") }
        #expect(throws: WorkingHoursError.unreadable("9-12")) { try WorkingHours(parsing: "9-12") }
        #expect(throws: WorkingHoursError.unreadable("09:00-24:30")) { try WorkingHours(parsing: "09:00-24:30") }
        #expect(throws: WorkingHoursError.empty) { try WorkingHours([]) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([WorkingHours].self, from: Data(#"["17:00-09:00"]"#.utf8)) }
    }
}
