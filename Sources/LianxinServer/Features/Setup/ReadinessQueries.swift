import Fluent
import Foundation
import LianxinCore

/// Gathers the facts `Readiness` judges for one division subtree (a county, usually): its
/// townships, the active categories and where each routes, units with their liaisons and handler
/// accounts, grids with their members, accounts per role and the calendar's years.
enum ReadinessQueries {
    static func facts(within root: DivisionCode, on db: any Database, now: Date = Date()) async throws -> Readiness.Facts {
        var facts = Readiness.Facts()
        let divisions = try await Division.query(on: db).within(\.$id, root).all()
        facts.townships = divisions.compactMap { division in
            guard let code = division.id.flatMap(DivisionCode.init), code.level == .township, division.validTo == nil else { return nil }
            return Readiness.Named(code: code.value, name: division.name)
        }.sorted { $0.code < $1.code }

        // A fresh catalogue, not the 30-second cache: the page is read right after a change.
        let catalog = try await ReferenceData.catalog(ReferenceData.Cache(restDayReceipt: .nextWorkingDay), on: db)
        let categories = catalog.categories.values.filter(\.active).sorted { ($0.id ?? "") < ($1.id ?? "") }
        facts.categories = categories.map { Readiness.Named(code: $0.id ?? "", name: $0.name) }
        let routed: [String: Set<String>] = Dictionary(
            uniqueKeysWithValues: categories.map { category in
                let townships = facts.townships.filter { township in
                    DivisionCode(township.code).flatMap { Routing.department(for: category, in: $0, catalog: catalog) } != nil
                }
                return (category.id ?? "", Set(townships.map(\.code)))
            })
        facts.routes = { category, township in routed[category]?.contains(township) ?? false }

        let units = try await Department.query(on: db).filter(\.$active == true).within(\.$divisionCode, root).all()
        let unitIDs = units.compactMap(\.id)
        var liaisons: [UUID: Int] = [:]
        if !unitIDs.isEmpty {
            for row in try await DepartmentLiaison.query(on: db).filter(\.$departmentID ~~ unitIDs).all() {
                liaisons[row.departmentID, default: 0] += 1
            }
        }
        var handlers: [UUID: Int] = [:]
        var accounts: [Role: Int] = [:]
        for user in try await User.query(on: db).filter(\.$active == true).within(\.$divisionCode, root).all() {
            accounts[user.role, default: 0] += 1
            if let unit = user.$department.id, user.role == .departmentHandler || user.role == .departmentLead {
                handlers[unit, default: 0] += 1
            }
        }
        facts.accounts = accounts
        facts.units = units.map { unit in
            Readiness.Unit(
                code: unit.code, name: unit.name, liaisons: unit.id.map { liaisons[$0] ?? 0 } ?? 0,
                handlers: unit.id.map { handlers[$0] ?? 0 } ?? 0)
        }

        let grids = try await Grid.query(on: db).filter(\.$validTo == nil).within(\.$communityCode, root).all()
        var members: [String: Int] = [:]
        let gridCodes = grids.map(\.code)
        if !gridCodes.isEmpty {
            for row in try await GridStaffAssignment.query(on: db).filter(\.$gridCode ~~ gridCodes).filter(\.$validTo == nil)
                .filter(\.$role == "fullTime").all()
            {
                members[row.gridCode, default: 0] += 1
            }
        }
        facts.grids = grids.map { (Readiness.Named(code: $0.code, name: $0.name), members[$0.code] ?? 0) }

        let days = try await CalendarDay.query(on: db).filter(\.$kind == "holiday").all(\.$id)
        facts.calendarYears = Set(days.compactMap { Int($0.prefix(4)) })
        let today = TimeRule.beijingCalendar.dateComponents([.year, .month], from: now)
        facts.year = today.year ?? 2026
        facts.month = today.month ?? 1
        return facts
    }
}
