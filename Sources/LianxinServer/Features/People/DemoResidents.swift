import Vapor
import Fluent
import LianxinCore

/// Demo registry: the demo grid member serves the first grid of 上滩头社区 full-time, and a few
/// made-up households live in its first two grids (so that the second is outside her scope).
/// The people and their numbers are invented; the ID numbers only pass the checksum.
enum DemoResidents {
    static let community = "361102001001"

    /// Seeds what is missing; returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        let grids = try await Grid.query(on: db).filter(\.$communityCode == community).filter(\.$validTo == nil).sort(\.$code).limit(2).all()
        guard grids.count == 2, let member = try await User.query(on: db).filter(\.$username == "gridmember").first(), let memberID = member.id else {
            return []
        }
        var lines: [String] = []
        if try await GridStaffAssignment.query(on: db).filter(\.$gridCode == grids[0].code).filter(\.$validTo == nil).count() == 0 {
            let assignment = GridStaffAssignment()
            assignment.gridCode = grids[0].code
            assignment.userID = memberID
            assignment.role = "fullTime"
            assignment.validFrom = app.lianxin.now()
            try await assignment.create(on: db)
            lines.append("grid staff: gridmember is the full-time grid member of \(grids[0].code)")
        }
        guard try await Resident.query(on: db).filter(\.$communityCode == community).count() == 0 else { return lines }
        let (first, second) = (grids[0].code, grids[1].code)
        let people:
            [(
                grid: String, building: String, door: String, householdTags: String, name: String, birth: String, sequence: Int,
                phone: String, relation: String, tags: String, registration: String, residence: String
            )] = [
                (first, "上滩头小区 1 栋", "1-101", "", "王秀英", "19420315", 102, "13807931001", "head", "livingAloneElderly", "", "permanent"),
                (first, "上滩头小区 1 栋", "1-102", "hardship", "李建国", "19680701", 131, "13807931002", "head", "hardship", "", "permanent"),
                (first, "上滩头小区 1 栋", "1-102", "", "刘芳", "19700214", 142, "13807931003", "spouse", "", "", "permanent"),
                (first, "上滩头小区 1 栋", "1-102", "", "李小明", "20140909", 153, "", "child", "leftBehindChild", "", "permanent"),
                (second, "上滩头小区 5 栋", "3-201", "", "张伟", "19851120", 171, "13807931005", "head", "", "360702", "floating"),
                (second, "上滩头小区 5 栋", "3-202", "", "陈桂兰", "19500505", 182, "07938201234", "head", "disabled;seriouslyIll", "", "permanent"),
            ]
        var text = "grid_code,building,door,household_tags,name,id_number,phone,relation,tags,registration_division,residence_type\n"
        for person in people {
            text +=
                [
                    person.grid, person.building, person.door, person.householdTags, person.name, idNumber("361102", person.birth, person.sequence),
                    person.phone, person.relation, person.tags, person.registration, person.residence,
                ].joined(separator: ",") + "\n"
        }
        let report = try await ResidentImporter(app: app).importCSV(text, scope: nil, actor: .demo)
        lines.append("residents: \(report.residents) demo residents in \(report.households) households (made up)")
        return lines
    }

    /// A made-up ID number with a valid check character.
    static func idNumber(_ region: String, _ birth: String, _ sequence: Int) -> String {
        let first17 = region + birth + String(format: "%03d", sequence)
        return first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17.compactMap { $0.wholeNumberValue }))
    }
}
