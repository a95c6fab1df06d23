import Fluent
import Foundation
import LianxinCore
import Vapor

/// The demo city's 小微权力监督: a few months of 监督一点通 reports in 信州区 at every stage, and the first inspection
/// group's handovers to 水南街道 and its communities (one of them the burst water pipes of the seed's 柘林街).
enum OversightDemo {
    static let county = "361102"

    /// (village or township, official, what, days ago, status, finding, first time, phone)
    static let reports: [(String, String, String, Int, Oversight.ReportStatus, Oversight.Finding?, Bool, String?)] = [
        ("361102001001", "某社区网格长", "低保评审时优先照顾自己亲戚，符合条件的邻居老人却没评上。", 3, .received, nil, true, "13907930001"),
        ("361102001003", "社区居委会工作人员", "办理居住证明要求先买社区推销的保险，不买就拖着不开。", 12, .verifying, nil, true, nil),
        ("361102001004", "小区改造项目负责人", "老旧小区改造的雨污分流工程材料以次充好，居民多次反映没人理。", 40, .concluded, .partly, true, "13907930002"),
        ("361102002", "街道城管中队队员", "向沿街摊贩收取所谓“管理费”，不给收据。", 55, .concluded, .substantiated, false, nil),
        ("361102001005", "社区党委书记", "社区活动经费报销金额和实际活动不符。", 70, .concluded, .unsubstantiated, true, "13907930003"),
        ("361102003", "街道民政办工作人员", "临时救助款发放拖了三个月还没到账。", 95, .declined, nil, false, nil),
        ("361102001008", "社区工作人员", "上班时间经常不在岗，群众办事找不到人。", 120, .concluded, .substantiated, true, nil),
        ("361102100", "镇农业站站长", "耕地地力保护补贴登记时少报农户面积。", 150, .accepted, nil, true, "13907930004"),
    ]

    /// (division, title, problem, found days ago, deadline in days from found, status, replied days after found)
    static let handovers: [(String, String, String, Int, Int, Oversight.HandoverStatus, Int?)] = [
        (
            "361102001001", "自来水管老化经常破裂停水", "走访时居民反映经常停水，一停就是一整天；核查发现通往该片的自来水管老化、经常破裂。", 20, 3,
            .rectified, 1
        ),
        ("361102001", "背街小巷路灯长期不亮", "巡察走访发现水南街道三条背街小巷路灯损坏半年以上，夜间出行不便。", 12, 14, .replied, 8),
        ("361102001003", "惠民资金公示不及时", "社区未按规定公示上季度临时救助发放情况。", 9, 5, .handedOver, nil),
        ("361102001004", "老旧小区改造工地围挡破损", "工地围挡破损、渣土未覆盖，影响居民出行安全。", 30, 7, .rectified, 9),
        ("361102002", "农贸市场排水沟堵塞", "市场排水沟堵塞，雨天污水漫溢。", 16, 5, .returned, 4),
    ]

    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await Division.find(county, on: db) != nil, try await InspectionHandover.query(on: db).count() == 0,
            try await ConductReport.query(on: db).count() == 0
        else { return [] }
        let now = app.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let cipher = app.lianxin.cipher
        let inspector = try await User.query(on: db).filter(\.$username == "jiwei").first()
        try await db.transaction { db in
            var generator = SystemRandomNumberGenerator()
            for (index, item) in reports.enumerated() {
                let row = ConductReport()
                row.id = UUID()
                row.trackingCode = TrackingCode.generate(using: &generator)
                // Demo only: every demo report's secret is “DEMO2026” followed by nothing else.
                row.secretHash = ConductReportService.secretHash(code: row.trackingCode, secret: "DEMO2026")
                row.divisionCode = item.0
                row.official = item.1
                row.what = item.2
                row.happenedOn = today.adding(days: -item.3 - 5).description
                row.firstTime = item.6
                row.reporterPhoneCipher = try item.7.map { try cipher.seal($0, for: .conductReporterPhone, row: row.id!) }
                row.status = item.4.rawValue
                row.createdAt = now.addingTimeInterval(Double(-item.3 * 86_400 - index * 3_600))
                row.updatedAt = row.createdAt
                if item.4 != .received {
                    row.handlerID = inspector?.id
                    row.handlerName = inspector?.displayName
                }
                if item.4 == .declined { row.reply = "经了解，该事项属于民政业务办理时限问题，已转街道信访办按信访程序办理。" }
                if let finding = item.5 {
                    row.finding = finding.rawValue
                    row.reply = "经核实，您反映的问题已查清并依规依纪处理，感谢您对基层作风建设的监督。"
                }
                if !Oversight.isOpen(item.4) { row.closedAt = row.createdAt.addingTimeInterval(12 * 86_400) }
                try await row.create(on: db)
            }
            for item in handovers {
                let row = InspectionHandover()
                let found = today.adding(days: -item.3)
                row.divisionCode = item.0
                row.groupDivisionCode = county
                row.groupName = "信州区委第一巡察组 熊志刚"
                row.title = item.1
                row.problem = item.2
                row.foundOn = found.description
                row.deadline = found.adding(days: item.4).description
                row.status = item.5.rawValue
                row.returns = item.5 == .returned ? 1 : 0
                if let days = item.6 {
                    row.reply = "已组织党员服务先锋队和专业人员现场处理，问题已解决。"
                    row.proof = "现场照片存社区档案；居民代表签字确认。"
                    row.repliedBy = "水南街道 李学华"
                    row.repliedOn = found.adding(days: days).description
                }
                if item.5 == .rectified { row.rectifiedOn = found.adding(days: (item.6 ?? 0) + 1).description }
                if item.5 == .returned { row.returnReason = "现场复查仍有积水，请彻底疏通后再反馈。" }
                row.createdBy = "xuncha"
                row.createdAt = now.addingTimeInterval(Double(-item.3 * 86_400))
                try await row.create(on: db)
            }
        }
        var lines = ["small-power supervision: \(reports.count) conduct reports (secret of each: DEMO2026), \(handovers.count) inspection handovers"]
        if let projects = try await seedProjects(app) { lines.append(projects) }
        return lines
    }
}
