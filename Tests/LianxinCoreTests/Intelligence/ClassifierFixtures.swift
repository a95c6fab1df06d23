import Foundation
@testable import LianxinCore

/// Small hand-made corpora and paths shared by the classifier tests.
enum ClassifierFixtures {
    /// Three clearly separated topics, eight examples each.
    static let separable: [LabeledText] = {
        let topics: [(String, [String])] = [
            ("供水", ["停水", "水压低", "自来水浑浊", "水管爆裂", "水费太贵", "没有水", "水表坏了", "供水中断"]),
            ("噪音", ["工地噪音", "夜里施工吵", "广场舞太吵", "喇叭声音大", "装修噪音", "噪音扰民", "酒吧吵闹", "汽车鸣笛吵"]),
            ("工资", ["拖欠工资", "工资不发", "老板欠薪", "工资被扣", "欠薪三个月", "讨要工资", "工资太低", "加班没工资"]),
        ]
        return topics.flatMap { label, texts in texts.map { LabeledText(text: "反映\($0)问题", label: label) } }
    }()

    /// The repository root of the file that includes this one, with symlinks resolved.
    static func repositoryRoot(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// ../shared/data/messages/train.csv beside the repository (evaluation data, never shipped).
    static var sharedMessages: URL {
        repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/data/messages/train.csv")
    }

    /// The seed corpus the product ships for its cold-start model.
    static var seedCorpus: URL {
        repositoryRoot().appendingPathComponent("Resources/Classifier/seed-corpus.csv")
    }
}
