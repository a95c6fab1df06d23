import Foundation
@testable import LianxinCore

/// Small hand-made corpora and paths shared by the classifier tests.
enum ClassifierFixtures {
    /// Three clearly separated topics, eight examples each, every one naming its topic.
    static let separable: [LabeledText] = {
        let topics: [(String, [String])] = [
            ("供水", ["停水了", "水压低", "自来水浑浊", "水管爆裂", "水费太贵", "家里没有水", "水表坏了", "供水中断"]),
            ("噪音", ["工地噪音", "夜里施工噪音", "广场舞噪音", "喇叭噪音大", "装修噪音", "噪音扰民", "酒吧噪音", "汽车鸣笛噪音"]),
            ("工资", ["拖欠工资", "工资不发", "老板欠工资", "工资被扣", "三个月没工资", "讨要工资", "工资太低", "加班没工资"]),
        ]
        return topics.flatMap { label, texts in texts.map { LabeledText(text: "\($0)，请处理", label: label) } }
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
