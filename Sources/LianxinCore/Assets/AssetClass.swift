/// A class of city asset (部件) in the classification of GB/T 30428.2 (数字化城市管理信息系统 第 2 部分：管理部件和事件):
/// a two-digit major class (大类) and a four-digit class (小类) that starts with it.
public struct AssetClass: Sendable, Hashable, Codable {
    /// The four-digit class code, e.g. `0103` (雨水井盖).
    public let code: String
    public let name: String
    public let englishName: String

    public init(code: String, name: String, englishName: String) {
        self.code = code
        self.name = name
        self.englishName = englishName
    }

    /// The two-digit major class the class belongs to.
    public var majorCode: String { String(code.prefix(2)) }

    /// The name for people, in Chinese or English.
    public func title(english: Bool) -> String { english ? englishName : name }
}

/// The classes Lianxin knows: the six major classes of GB/T 30428.2 and the classes counties report most. A county
/// that needs another class adds it here (the codes are the standard's, never made up locally).
public enum AssetClasses {
    /// The major classes (大类).
    public static let majors: [AssetClass] = [
        AssetClass(code: "01", name: "公用设施", englishName: "Public utilities"),
        AssetClass(code: "02", name: "道路交通", englishName: "Roads and traffic"),
        AssetClass(code: "03", name: "市容环境", englishName: "City appearance and sanitation"),
        AssetClass(code: "04", name: "园林绿化", englishName: "Parks and greenery"),
        AssetClass(code: "05", name: "房屋土地", englishName: "Buildings and land"),
        AssetClass(code: "06", name: "其他设施", englishName: "Other facilities"),
    ]

    /// The classes (小类) offered in pickers and accepted by imports.
    public static let all: [AssetClass] = [
        AssetClass(code: "0101", name: "上水井盖", englishName: "Water supply manhole cover"),
        AssetClass(code: "0102", name: "污水井盖", englishName: "Sewage manhole cover"),
        AssetClass(code: "0103", name: "雨水井盖", englishName: "Storm drain manhole cover"),
        AssetClass(code: "0104", name: "雨水箅子", englishName: "Storm drain grate"),
        AssetClass(code: "0105", name: "电力井盖", englishName: "Power manhole cover"),
        AssetClass(code: "0106", name: "路灯井盖", englishName: "Street light manhole cover"),
        AssetClass(code: "0107", name: "通信井盖", englishName: "Telecom manhole cover"),
        AssetClass(code: "0111", name: "燃气井盖", englishName: "Gas manhole cover"),
        AssetClass(code: "0118", name: "消防栓", englishName: "Fire hydrant"),
        AssetClass(code: "0125", name: "路灯", englishName: "Street light"),
        AssetClass(code: "0201", name: "停车场", englishName: "Car park"),
        AssetClass(code: "0204", name: "公交站亭", englishName: "Bus shelter"),
        AssetClass(code: "0208", name: "交通信号灯", englishName: "Traffic light"),
        AssetClass(code: "0209", name: "交通标志牌", englishName: "Traffic sign"),
        AssetClass(code: "0213", name: "道路护栏", englishName: "Road railing"),
        AssetClass(code: "0301", name: "公共厕所", englishName: "Public toilet"),
        AssetClass(code: "0303", name: "垃圾箱", englishName: "Litter bin"),
        AssetClass(code: "0304", name: "垃圾间（楼）", englishName: "Refuse room"),
        AssetClass(code: "0306", name: "广告牌匾", englishName: "Advertising sign"),
        AssetClass(code: "0401", name: "古树名木", englishName: "Old and famous tree"),
        AssetClass(code: "0402", name: "行道树", englishName: "Street tree"),
        AssetClass(code: "0404", name: "绿地", englishName: "Green space"),
        AssetClass(code: "0501", name: "宣传栏", englishName: "Notice board"),
        AssetClass(code: "0601", name: "健身设施", englishName: "Fitness equipment"),
    ]

    /// The class of `code`, if known.
    public static func named(_ code: String) -> AssetClass? {
        all.first { $0.code == code }
    }

    /// The major class of `code` (two digits), if known.
    public static func major(_ code: String) -> AssetClass? {
        majors.first { $0.code == String(code.prefix(2)) }
    }
}
