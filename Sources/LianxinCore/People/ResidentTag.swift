/// A label on a resident or household that drives visits and reports; the set is data an administrator edits.
public struct ResidentTag: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier used in rules and exports, e.g. `livingAloneElderly`.
    public var id: String
    /// The label shown in the zh-CN interface.
    public var chineseLabel: String
    /// The label shown in the English interface.
    public var englishLabel: String

    /// Creates a tag.
    public init(id: String, chineseLabel: String, englishLabel: String) {
        self.id = id
        self.chineseLabel = chineseLabel
        self.englishLabel = englishLabel
    }
}

extension ResidentTag {
    /// 独居老人.
    public static let livingAloneElderly = ResidentTag(id: "livingAloneElderly", chineseLabel: "独居老人", englishLabel: "Elderly living alone")
    /// 留守儿童.
    public static let leftBehindChild = ResidentTag(id: "leftBehindChild", chineseLabel: "留守儿童", englishLabel: "Left-behind child")
    /// 困难户.
    public static let hardship = ResidentTag(id: "hardship", chineseLabel: "困难户", englishLabel: "Hardship household")
    /// 残疾人.
    public static let disabled = ResidentTag(id: "disabled", chineseLabel: "残疾人", englishLabel: "Person with disability")
    /// 重病.
    public static let seriouslyIll = ResidentTag(id: "seriouslyIll", chineseLabel: "重病", englishLabel: "Seriously ill")
    /// 矛盾纠纷户.
    public static let inDispute = ResidentTag(id: "inDispute", chineseLabel: "矛盾纠纷户", englishLabel: "Household in dispute")
    /// 流动人口.
    public static let floating = ResidentTag(id: "floating", chineseLabel: "流动人口", englishLabel: "Floating population")
    /// 重点人员.
    public static let keyPerson = ResidentTag(id: "keyPerson", chineseLabel: "重点人员", englishLabel: "Key person")

    /// The tags a new installation starts with.
    public static let defaults: [ResidentTag] = [
        .livingAloneElderly, .leftBehindChild, .hardship, .disabled, .seriouslyIll, .inDispute, .floating, .keyPerson,
    ]
}
