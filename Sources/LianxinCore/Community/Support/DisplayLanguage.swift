/// A language that community texts are written in; raw values match the server's locale codes.
public enum DisplayLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}
