/// The controlled vocabulary of the talent map (人才图谱): trades (工种/岗位类别) and the skills under
/// them, and the talent pools (人才库). These are the defaults for an aviation park; a park edits its own
/// (the server reads it from a JSON file of the same shape, checked by `problems()`).
public struct TalentVocabulary: Sendable, Hashable, Codable {
    /// A trade with its skills.
    public struct Trade: Sendable, Hashable, Codable {
        public let code: String
        public let zh: String
        public let en: String
        public let skills: [Skill]
    }

    /// A skill of a trade.
    public struct Skill: Sendable, Hashable, Codable {
        public let code: String
        public let zh: String
        public let en: String
    }

    /// A talent pool.
    public struct Pool: Sendable, Hashable, Codable {
        public let code: String
        public let zh: String
        public let en: String
    }

    public let trades: [Trade]
    public let pools: [Pool]
    public let certificates: [Skill]

    /// What is wrong with a vocabulary a park wrote, in English for the operator starting the server: codes
    /// empty, repeated (trades, skills and certificates share one space of codes, as their labels are looked up
    /// by code alone; pools have their own) or containing `;`, `:`, `,`, `/` or a space (the stored lists'
    /// separators); a name missing in either language; no trade, skill or pool at all.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        var seenPools: Set<String> = []
        func check(_ code: String, _ zh: String, _ en: String, _ what: String) {
            let isPool = what == "pool"
            if isPool ? !seenPools.insert(code).inserted : !seen.insert(code).inserted {
                problems.append("\(what) code \"\(code)\" is used twice")
            }
            if code.isEmpty || code.contains(where: { ";:,/ ".contains($0) }) {
                problems.append("\(what) code \"\(code)\" must be non-empty without spaces or ; : , /")
            }
            if zh.allSatisfy(\.isWhitespace) || en.allSatisfy(\.isWhitespace) {
                problems.append("\(what) \"\(code)\" needs both a Chinese (zh) and an English (en) name")
            }
        }
        for trade in trades {
            check(trade.code, trade.zh, trade.en, "trade")
            if trade.skills.isEmpty { problems.append("trade \"\(trade.code)\" has no skills") }
            for skill in trade.skills { check(skill.code, skill.zh, skill.en, "skill") }
        }
        for pool in pools { check(pool.code, pool.zh, pool.en, "pool") }
        for certificate in certificates { check(certificate.code, certificate.zh, certificate.en, "certificate") }
        if trades.isEmpty { problems.append("there must be at least one trade") }
        if pools.isEmpty { problems.append("there must be at least one talent pool") }
        return problems
    }

    /// Every skill code with the code of its trade.
    public var tradeOfSkill: [String: String] {
        var map: [String: String] = [:]
        for trade in trades { for skill in trade.skills { map[skill.code] = trade.code } }
        return map
    }

    static func trade(_ code: String, _ zh: String, _ en: String, _ skills: [(String, String, String)]) -> Trade {
        Trade(code: code, zh: zh, en: en, skills: skills.map { Skill(code: $0.0, zh: $0.1, en: $0.2) })
    }

    /// The aviation park's vocabulary: the industry chain from design to maintenance.
    public static let aviation = TalentVocabulary(
        trades: [
            trade(
                "design", "航空设计", "Aircraft design",
                [
                    ("structure-design", "结构设计", "Structural design"), ("cad-modelling", "三维建模", "3D modelling"),
                    ("stress-analysis", "强度分析", "Stress analysis"), ("aerodynamics", "气动分析", "Aerodynamics"),
                ]),
            trade(
                "machining", "数控加工", "CNC machining",
                [
                    ("cnc-programming", "数控编程", "CNC programming"), ("five-axis", "五轴加工", "Five-axis machining"),
                    ("turning", "车削", "Turning"), ("sheet-metal", "钣金成形", "Sheet-metal forming"),
                ]),
            trade(
                "assembly", "装配制造", "Assembly",
                [
                    ("riveting", "铆接装配", "Riveting"), ("final-assembly", "总装调试", "Final assembly"),
                    ("wiring-harness", "线束制作", "Wiring harnesses"), ("composites", "复合材料成型", "Composite lay-up"),
                ]),
            trade(
                "avionics", "航空电子", "Avionics",
                [
                    ("avionics-test", "航电测试", "Avionics testing"), ("embedded-software", "嵌入式软件", "Embedded software"),
                    ("flight-control", "飞控系统", "Flight control systems"), ("electrical", "电气安装", "Electrical installation"),
                ]),
            trade(
                "quality", "质量检验", "Quality and inspection",
                [
                    ("ndt", "无损检测", "Non-destructive testing"), ("cmm", "三坐标测量", "Coordinate measuring"),
                    ("quality-system", "质量体系", "Quality systems"),
                ]),
            trade(
                "maintenance", "维修保障", "Maintenance",
                [
                    ("helicopter-maintenance", "直升机维修", "Helicopter maintenance"), ("engine-maintenance", "发动机维修", "Engine maintenance"),
                    ("uav-operation", "无人机操控", "Drone operation"),
                ]),
            trade(
                "management", "经营管理", "Management",
                [
                    ("project-management", "项目管理", "Project management"), ("supply-chain", "供应链管理", "Supply chain"),
                    ("airworthiness", "适航管理", "Airworthiness"),
                ]),
        ],
        pools: [
            Pool(code: "high-level", zh: "高层次人才库", en: "Senior experts"),
            Pool(code: "research", zh: "技术研发人才库", en: "Research and development"),
            Pool(code: "craftsman", zh: "技能工匠人才库", en: "Skilled craftsmen"),
            Pool(code: "management", zh: "经营管理人才库", en: "Managers"),
            Pool(code: "graduate", zh: "高校毕业生人才库", en: "Graduates"),
        ],
        certificates: [
            Skill(code: "caac-license", zh: "民用航空器维修人员执照", en: "Civil aircraft maintenance licence"),
            Skill(code: "ndt-level2", zh: "无损检测二级证书", en: "Non-destructive testing level 2"),
            Skill(code: "electrician", zh: "特种作业电工证", en: "Electrician's permit"),
            Skill(code: "welder", zh: "焊工证", en: "Welder's certificate"),
            Skill(code: "uav-pilot", zh: "无人机驾驶员执照", en: "Drone pilot licence"),
            Skill(code: "cnc-senior", zh: "数控车工高级工证书", en: "Senior CNC operator certificate"),
        ])
}
