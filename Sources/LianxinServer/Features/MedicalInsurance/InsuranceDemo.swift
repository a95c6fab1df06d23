import Fluent
import Foundation
import LianxinCore
import Vapor

/// The demo city's 医保基金监管 in 信州区: eight designated institutions with their doctors, a few hundred generated
/// settlements (one injected case of every rule) imported and screened the way an operator would, three leads
/// reviewed, and the hospital station's tasks — two to do, two done, one of which raised a lead (前沿哨兵).
enum InsuranceDemo {
    static let county = "361102"
    static let names: [(String, String)] = [
        ("信州区人民医院", "二级"), ("信州区中医院", "二级"), ("上饶市第五人民医院", "二级"), ("信州区妇幼保健院", "二级"),
        ("水南街道社区卫生服务中心", "一级"), ("西市街道社区卫生服务中心", "一级"), ("东市街道社区卫生服务中心", "一级"), ("灵溪社区卫生服务站", "未定级"),
    ]
    static let doctors = ["王建华", "李秀英", "张志强", "刘海燕", "陈国平"]

    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await Division.find(county, on: db) != nil, try await InsuranceInstitution.query(on: db).count() == 0 else { return [] }
        let output = SettlementGenerator(seed: 22, institutionCount: names.count).generate(settlements: 400, injectedPerRule: 1)
        let registry = InsuranceRegistryImporter(application: app)
        _ = try await registry.importInstitutions(
            "code,name,level,division_code\n"
                + zip(output.institutions, names).map { "\($0),\($1.0),\($1.1),\(county)\n" }.joined())
        _ = try await registry.importPersons(
            "code,name,institution_code\n"
                + output.institutions.flatMap { code in doctors.enumerated().map { "\(code)-D0\($0 + 1),\($1),\(code)\n" } }.joined())
        let report = try await SettlementImporter(application: app).importFiles(
            .init(settlements: output.settlementsCSV, items: output.itemsCSV, prices: output.pricesCSV, sexItems: output.sexItemsCSV),
            actor: .demo)
        let now = app.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        // Three leads reviewed, so the dashboard's confirmed rate and recoveries are not empty.
        let leads = try await InsuranceLead.query(on: db).filter(\.$settlementID != nil).sort(\.$leadKey).all()
        try await db.transaction { db in
            for (index, lead) in leads.prefix(3).enumerated() {
                lead.status = index == 2 ? "dismissed" : "confirmed"
                lead.recoverFen = index == 2 ? nil : lead.amountFen
                lead.reason = index == 2 ? "经核实为医嘱调整，收费无误" : "经现场核查属实"
                lead.reviewedBy = "yibao"
                lead.reviewedAt = now.addingTimeInterval(-86_400)
                try await lead.update(on: db)
                if index == 0 {
                    let recovery = InsuranceRecovery()
                    recovery.leadID = try lead.requireID()
                    recovery.divisionCode = lead.divisionCode
                    recovery.amountFen = lead.amountFen
                    recovery.note = "机构已退回"
                    recovery.recordedBy = "yibao"
                    recovery.recordedAt = now.addingTimeInterval(-3_600)
                    try await recovery.create(on: db)
                }
            }
            let trauma = output.injected.first { $0.rule == .traumaCheck }
            let hospital = output.institutions[0]
            // (kind, institution, subject, settlement, due in days, done: (failed item and note, finding, lead rule and fen))
            let tasks: [(StationTask.Kind, String, String, String?, Int, (String, String, String, ScreeningRuleKind?, Int)?)] = [
                (.dailyPatrol, hospital, "骨科病区 10–20 床", nil, 0, nil),
                (.focusedCheck, trauma?.institutionCode ?? hospital, "外伤住院患者（自述在家摔伤）", trauma?.settlementID, 1, nil),
                (
                    .dischargeReview, output.institutions[1], "内科出院患者 3 床", nil, -1,
                    ("no-duplicate", "血常规同日收费两次", "出院费用清单中血常规同日重复收费", .duplicateCharge, 2_000)
                ),
                (.dailyPatrol, output.institutions[1], "内科病区", nil, -2, ("", "", "", nil, 0)),
            ]
            for (kind, institution, subject, settlement, days, done) in tasks {
                let row = InsuranceStationTask()
                row.id = UUID()
                row.kind = kind.rawValue
                row.institutionCode = institution
                row.divisionCode = county
                row.assignee = "yibaozhan"
                row.subject = subject
                row.settlementID = settlement
                row.dueOn = today.adding(days: days).description
                row.status = done == nil ? "assigned" : "done"
                row.answers = "[]"
                row.finding = ""
                row.assignedBy = "yibao"
                row.createdAt = now.addingTimeInterval(Double(min(days, 0) - 1) * 86_400)
                if let done {
                    let answers = (StationTask.checklists[kind] ?? []).map { item in
                        StationTask.Answer(item: item, outcome: item == done.0 ? .failed : .passed, note: item == done.0 ? done.1 : "")
                    }
                    row.answers = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
                    row.finding = done.2
                    row.doneAt = now.addingTimeInterval(Double(days) * 86_400)
                    let finding = StationTask.Finding(text: done.2, rule: done.3, raiseLead: done.3 != nil, amountFen: done.4)
                    if let lead = StationTask.lead(
                        taskID: row.id!.uuidString, kind: kind, institutionCode: institution, settlementID: nil, answers: answers, finding: finding)
                    {
                        let leadRow = InsuranceLead()
                        leadRow.id = UUID()
                        leadRow.leadKey = StationTask.leadKey(rule: lead.rule, taskID: row.id!.uuidString)
                        leadRow.rule = lead.rule.rawValue
                        leadRow.institutionCode = institution
                        leadRow.divisionCode = county
                        leadRow.amountFen = Int64(lead.amountFen)
                        leadRow.evidence = String(decoding: try JSONEncoder().encode(lead.evidence), as: UTF8.self)
                        leadRow.status = "open"
                        leadRow.createdAt = row.doneAt ?? now
                        try await leadRow.create(on: db)
                        row.leadID = leadRow.id
                    }
                }
                try await row.create(on: db)
            }
        }
        return [
            "medical insurance: \(names.count) institutions, \(report.settlements) settlements, \(report.screening?.added ?? 0) leads, 4 station tasks"
        ]
    }
}
