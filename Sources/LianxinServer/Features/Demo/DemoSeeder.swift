import Vapor
import Fluent
import LianxinCore

/// The demo city of 上饶市: real division codes, demo departments and one account per role.
/// Running it again changes nothing that is already there.
struct DemoSeeder {
    let application: Application

    /// The shared demo password, printed at start-up; demo only.
    static let password = "Lianxin@2026"
    /// The demo administrators' TOTP secret (base32), for an authenticator app. Demo only.
    static let totpSecret = "LIANXINDEMOTOTPSECRET234"

    /// One demo account: username, name, role, division, department code.
    struct Account: Sendable {
        let username: String
        let displayName: String
        let role: Role
        let division: String
        let department: String?
    }

    static let accounts: [Account] = [
        .init(username: "admin", displayName: "系统管理员", role: .admin, division: "3611", department: nil),
        .init(username: "secadmin", displayName: "安全管理员", role: .securityAdmin, division: "3611", department: nil),
        .init(username: "auditor", displayName: "安全审计员", role: .auditor, division: "3611", department: nil),
        .init(username: "operator", displayName: "话务员 王丽", role: .operator, division: "3611", department: nil),
        .init(username: "dispatcher", displayName: "派单员 李强", role: .dispatcher, division: "3611", department: nil),
        .init(username: "handler", displayName: "承办人 张伟 (信州区城管局)", role: .departmentHandler, division: "361102", department: "XZ-CG"),
        .init(username: "deptlead", displayName: "科长 刘洋 (信州区城管局)", role: .departmentLead, division: "361102", department: "XZ-CG"),
        // Two more units' handlers, so a joint order (主办/协办) has its assisting units to sign and report.
        .init(username: "zjhandler", displayName: "承办人 黄敏 (信州区住建局)", role: .departmentHandler, division: "361102", department: "XZ-ZJ"),
        .init(username: "sjhandler", displayName: "承办人 何军 (信州区市场监管局)", role: .departmentHandler, division: "361102", department: "XZ-SJ"),
        .init(username: "gridmember", displayName: "网格员 陈芳 (上滩头社区)", role: .gridMember, division: "361102001001", department: nil),
        .init(username: "community", displayName: "社区干部 赵敏 (上滩头社区)", role: .communityStaff, division: "361102001001", department: nil),
        .init(username: "supervisor", displayName: "督办员 周杰", role: .supervisor, division: "3611", department: nil),
        .init(username: "leader", displayName: "分管领导 吴涛", role: .leader, division: "3611", department: nil),
        // A county and a township leader, so each tier of 三高包保 has its owner and a county leader takes the windows.
        .init(username: "xzleader", displayName: "区领导 黄建平 (信州区)", role: .leader, division: "361102", department: nil),
        .init(username: "snleader", displayName: "街道领导 罗晓燕 (水南街道)", role: .leader, division: "361102001", department: nil),
        .init(username: "talentcentre", displayName: "人才共享中心 钱红", role: .talentCentre, division: "361102", department: nil),
        .init(username: "jxhc", displayName: "江西直升机 人才联络员 孙磊", role: .enterpriseContact, division: "361102", department: nil),
        .init(username: "szlh", displayName: "神州六合 人才联络员 郑洁", role: .enterpriseContact, division: "361102", department: nil),
        .init(username: "branchsec", displayName: "党支部书记 周建国 (劳动路社区)", role: .branchSecretary, division: "361102001003", department: nil),
        .init(username: "jiwei", displayName: "纪检监察干部 胡平 (信州区纪委监委)", role: .disciplineInspector, division: "361102", department: nil),
        .init(username: "xuncha", displayName: "信州区委第一巡察组 熊志刚", role: .inspectionGroup, division: "361102", department: nil),
        // 医保基金监管: the county's fund supervisor and the station worker of its hospitals (前沿哨兵).
        .init(username: "yibao", displayName: "医保监管员 许慧 (信州区医保局)", role: .fundSupervisor, division: "361102", department: nil),
        .init(username: "yibaozhan", displayName: "医保服务站 刘芳 (信州区人民医院)", role: .stationWorker, division: "361102", department: nil),
    ]

    /// Why the demo city may not be seeded here.
    enum Refusal: Error, CustomStringConvertible {
        case production
        case realAccounts([String])
        case demoAccountsRemain([String])

        var description: String {
            switch self {
            case .production:
                "The demo city is not seeded in production (LIANXIN_ENV=production): its accounts share a published password. "
                    + "Create real accounts with `lianxin user create`. / 生产环境不装入演示数据：演示账号的密码是公开的，请用命令“lianxin user create”建立真实账号。"
            case .realAccounts(let names):
                "This database already has accounts that are not the demo's (\(names.prefix(5).joined(separator: ", "))): "
                    + "the demo city is seeded only into a demo database. / 该数据库已有非演示账号，不能装入演示数据。"
            case .demoAccountsRemain(let names):
                "LIANXIN_ENV=production, but demo accounts still open with the published password or TOTP secret "
                    + "(\(names.joined(separator: ", "))): disable them (`lianxin user disable --username NAME`) or give them new credentials "
                    + "before serving. / 生产环境仍有使用公开密码或动态口令密钥的演示账号，请先停用或更换后再启动。"
            }
        }
    }

    /// Refuses to seed in production, or into a database that holds accounts the demo did not make
    /// (a real deployment): demo accounts there would be doors with a published key.
    func checkAllowed() async throws {
        if application.lianxin.settings.mode == .production { throw Refusal.production }
        let demoNames = Self.accounts.map(\.username)
        let others = try await User.query(on: application.db).filter(\.$username !~ demoNames).limit(5).all().map(\.username)
        if !others.isEmpty { throw Refusal.realAccounts(others) }
    }

    /// Seeds whatever is missing and returns lines for the console.
    func run() async throws -> [String] {
        try await checkAllowed()
        let db = application.db
        let settings = application.lianxin.settings
        let now = application.lianxin.now()
        var lines: [String] = []
        let divisionsFile = (settings.resourcesDirectory as NSString).appendingPathComponent("Data/divisions-shangrao.csv")
        let report = try await DivisionImporter(database: db)
            .importCSV(try String(contentsOfFile: divisionsFile, encoding: .utf8), actor: .demo, now: now)
        lines.append("divisions: \(report.inserted) added, \(report.unchanged + report.updated) already present")

        let departmentsFile = (settings.resourcesDirectory as NSString).appendingPathComponent("Data/departments-demo.csv")
        let table = try CSVTable(parsing: try String(contentsOfFile: departmentsFile, encoding: .utf8))
        var addedDepartments = 0
        for (_, fields) in table.rows {
            guard try await Department.query(on: db).filter(\.$code == fields[0]).first() == nil else { continue }
            try await Department(code: fields[0], name: fields[1], divisionCode: fields[2]).create(on: db)
            addedDepartments += 1
        }
        lines.append("departments: \(addedDepartments) added, \(table.rows.count - addedDepartments) already present")
        if try await DivisionRole.query(on: db).count() == 0 {
            let rolesFile = (settings.resourcesDirectory as NSString).appendingPathComponent("Data/category-roles-demo.csv")
            let mapped = try await RoleMapping.importCSV(try String(contentsOfFile: rolesFile, encoding: .utf8), application: application)
            lines.append("category roles: \(mapped) mapped to the demo units")
        }

        let grids = try await DemoGrids.seed(county: "361102", resourcesDirectory: settings.resourcesDirectory, on: db, now: now)
        let gridCount = try await Grid.query(on: db).count()
        lines.append("grids: \(grids) generated (demo only, not real boundaries), \(gridCount - grids) already present")
        let basemap = try await DemoBasemap.seed(county: "361102", resourcesDirectory: settings.resourcesDirectory, on: db, now: now)
        lines.append("base layer: \(basemap) made-up roads, river and landmarks (demo only)")

        let service = AccountService(application: application, database: db)
        lines.append(
            "demo accounts (password for all: \(Self.password); admin, secadmin and auditor also need the one-time code of TOTP secret \(Self.totpSecret)):"
        )
        for account in Self.accounts {
            if try await User.query(on: db).filter(\.$username == account.username).first() == nil {
                _ = try await service.create(
                    .init(
                        username: account.username, displayName: account.displayName,
                        password: Self.password, role: account.role.rawValue,
                        divisionCode: account.division, departmentCode: account.department),
                    by: nil, actor: .demo)
                if account.role.isAdministrator, let user = try await User.query(on: db).filter(\.$username == account.username).first() {
                    user.totpSecretCipher = try application.lianxin.cipher.seal(Self.totpSecret)
                    try await user.update(on: db)
                }
            }
            lines.append(
                "  \(account.username.padding(toLength: 11, withPad: " ", startingAt: 0)) \(account.role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.displayName)"
            )
        }
        lines += try await DemoResidents.seed(application)
        lines += try await EngagementDemo.seed(application)
        lines += try await CommunityServicesDemo.seed(application)
        lines += try await TalentDemo.seed(application)
        lines += try await PartyDemo.seed(application)
        lines += try await OversightDemo.seed(application)
        lines += try await LeaderDutyDemo.seed(application)
        lines += try await TopicsDemo.seed(application)
        lines += try await InsuranceDemo.seed(application)
        return lines
    }
}

extension AuditActor {
    static let demo = AuditActor(id: nil, name: "demo-seeder", role: nil, division: nil)
}
