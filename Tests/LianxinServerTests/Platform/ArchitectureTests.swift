import Foundation
import Testing
@testable import LianxinServer

/// The rules of docs/architecture.md that a machine can check: where files live, that every feature
/// folder is described and registered, one SQL accessor, one scope filter, file sizes, the `Record`
/// suffix, the migration history, and area stylesheets in the layout's head.
@Suite("Architecture: the tree keeps the shape docs/architecture.md describes")
struct ArchitectureTests {
    static let server = repositoryRoot + "/Sources/LianxinServer"

    /// Swift files under `folder`, relative to it, with their text.
    static func swiftFiles(under folder: String) -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [(String, String)] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else { continue }
            files.append((path, text))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static var featureFolders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: server + "/Features")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func everyServerFileIsInAppPlatformOrFeatures() {
        let outside = Self.swiftFiles(under: Self.server).map(\.path).filter { path in
            !["App/", "Platform/", "Features/"].contains { path.hasPrefix($0) }
        }
        #expect(outside.isEmpty, "files outside App/, Platform/ and Features/: \(outside)")
    }

    @Test func everyFeatureFolderIsDescribedRegisteredAndDeclared() throws {
        let document = try String(contentsOfFile: repositoryRoot + "/docs/architecture.md", encoding: .utf8)
        let registered = Set(LianxinFeatures.all.map { String(describing: $0) })
        #expect(Self.featureFolders.count >= 19)
        for folder in Self.featureFolders {
            #expect(document.contains("`Features/\(folder)/`"), "docs/architecture.md does not list Features/\(folder)/")
            #expect(
                FileManager.default.fileExists(atPath: "\(Self.server)/Features/\(folder)/\(folder)Feature.swift"),
                "Features/\(folder) has no \(folder)Feature.swift")
            #expect(registered.contains("\(folder)Feature"), "\(folder)Feature is not in LianxinFeatures.all")
        }
    }

    @Test func sqlGoesThroughOneAccessorAndScopeThroughOneHelper() {
        for (path, text) in Self.swiftFiles(under: Self.server) where !path.hasSuffix("Platform/Database/SQLAccess.swift") {
            #expect(
                !text.contains("as! any SQLDatabase") && !text.contains("as? any SQLDatabase") && !text.contains("as? SQLDatabase"),
                "\(path) casts to SQLDatabase; use db.sql")
        }
        // A division subtree is a prefix match on a division or community code column.
        let inline = try! Regex(
            #"(?i)(division|community)\w*[^\n]{0,40}(\.custom\("LIKE"\)|\bLIKE\b)|\bLIKE\b[^\n]{0,60}(division|community)\w*[^\n]{0,30}%"#)
        for (path, text) in Self.swiftFiles(under: Self.server) where !path.hasSuffix("Platform/Database/DivisionScope.swift") {
            for line in text.split(separator: "\n") where line.contains(inline) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                Issue.record("\(path): an inline division filter; use DivisionScope: \(line)")
            }
        }
    }

    @Test func codeNeverReachesIntoAnotherControllersStatics() throws {
        // `FooController.member` may appear only in Foo's own files (`FooController.swift`, `FooController+X.swift`);
        // what two controllers share lives in a service, lookup or queries type.
        let reference = try Regex(#"\b([A-Z][A-Za-z]*Controller)\.([a-z][A-Za-z]*)\b"#)
        for (path, text) in Self.swiftFiles(under: Self.server) {
            let owner = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.split(separator: "+").first.map(String.init)
            for match in text.matches(of: reference) {
                let controller = String(text[match.output[1].range!])
                guard controller != owner else { continue }
                Issue.record("\(path) uses \(controller).\(text[match.output[2].range!])")
            }
        }
    }

    @Test func filesAreSmallAndSplitByConcern() {
        let sizes = Self.swiftFiles(under: Self.server).map { ($0.path, $0.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1) }
        for (path, lines) in sizes where lines > 300 { Issue.record("\(path) has \(lines) lines (at most 300)") }
        let sorted = sizes.map(\.1).sorted()
        let median = sorted[sorted.count / 2]
        #expect(median <= 70, "the median server file has \(median) lines (at most 70)")
    }

    @Test func fluentModelsTakeTheRecordSuffixOnlyBesideACoreTypeOfTheSameName() throws {
        let typeDeclaration = try Regex(#"(?m)^(?:public |package )?(?:final )?(?:struct|enum|class|typealias) (\w+)"#)
        let core = Set(
            Self.swiftFiles(under: repositoryRoot + "/Sources/LianxinCore").flatMap { file in
                file.text.matches(of: typeDeclaration).map { String(file.text[$0.output[1].range!]) }
            })
        let modelDeclaration = try Regex(#"final class (\w+): Model\b"#)
        var models = 0
        for (path, text) in Self.swiftFiles(under: Self.server) {
            for match in text.matches(of: modelDeclaration) {
                models += 1
                let name = String(text[match.output[1].range!])
                if name.hasSuffix("Record") {
                    let bare = String(name.dropLast("Record".count))
                    #expect(core.contains(bare), "\(path): \(name) has the Record suffix but LianxinCore has no \(bare)")
                } else {
                    #expect(!core.contains(name), "\(path): the model \(name) shares its name with a LianxinCore type; call it \(name)Record")
                }
            }
        }
        #expect(models > 50)
    }

    @Test func everyMigrationFileIsInTheOneHistoryOnce() {
        let names = MigrationHistory.all.map(\.name)
        #expect(Set(names).count == names.count)
        let files = Self.swiftFiles(under: Self.server).filter { $0.path.contains("/Migrations/") }
        #expect(files.count == names.count, "one migration per file under Features/<Area>/Migrations/")
        for (path, _) in files {
            let type = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            #expect(names.contains("LianxinServer.\(type)"), "\(path) is not in App/MigrationHistory.swift")
        }
    }

    @Test func areaStylesheetsAreLinkedFromTheLayoutsHead() throws {
        let views = repositoryRoot + "/Resources/Views"
        let enumerator = FileManager.default.enumerator(atPath: views)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".leaf"), path != "layout.leaf" else { continue }
            let text = try String(contentsOfFile: views + "/" + path, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("<link") {
                #expect(line.hasPrefix("#export(\"head\")"), "\(path) links a stylesheet from its body: \(line)")
            }
        }
    }
}
