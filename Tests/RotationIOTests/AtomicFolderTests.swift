// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
@testable import RotationIO
import RotationCore

/// The rule: never delete or overwrite anything rotation did not write; write all at once.
final class AtomicFolderTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: Helpers

    static let runFiles: [(name: String, contents: [UInt8])] = [
        ("shortlist.csv", Array("position_id,rank\n".utf8)), ("result.json", Array("{\"status\": \"optimal\"}\n".utf8)),
        ("audit.json", Array("{}\n".utf8)),
    ]
    static let modelFiles: [(name: String, contents: [UInt8])] = [
        ("shortlist_c1_scores.lp", Array("Maximize\n".utf8)), ("transfer_c1_fit.lp", Array("Maximize\n".utf8)),
    ]

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func put(_ text: String, at path: String) throws {
        let target = url(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    /// Every entry under `folder` (hidden ones too): relative path → bytes, "link → destination" or "folder".
    func snapshot(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        func visit(_ url: URL, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                let child = url.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                let attributes = try FileManager.default.attributesOfItem(atPath: child.path)
                switch attributes[.type] as? FileAttributeType {
                case .typeSymbolicLink?:
                    result[relative] = "link → " + (try FileManager.default.destinationOfSymbolicLink(atPath: child.path))
                case .typeDirectory?:
                    result[relative] = "folder"
                    try visit(child, relative)
                default:
                    result[relative] = String(decoding: try Data(contentsOf: child), as: UTF8.self)
                }
            }
        }
        try visit(folder, "")
        return result
    }

    func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Asserts that `body` throws `AtomicFolder.Failure.refused`, and returns it.
    @discardableResult
    func assertRefused(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> (path: String, reason: AtomicFolder.Refusal, message: String)? {
        do {
            try body()
            XCTFail("not refused", file: file, line: line)
        } catch let failure as AtomicFolder.Failure {
            guard case let .refused(path, reason) = failure else {
                XCTFail("expected a refusal, got \(failure)", file: file, line: line)
                return nil
            }
            XCTAssertTrue(failure.isRefusal, file: file, line: line)
            return (path, reason, failure.description)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    // MARK: Defect 1: --export-model deleted whatever the folder held

    func testModelsFolderWithAUserFileIsRefusedAndUntouched() throws {
        try put("my notes", at: "models/notes.txt")
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.modelFiles, to: self.url("models"), kind: .models) }
        XCTAssertEqual(refusal?.reason, .foreignFiles(["notes.txt"], hasManifest: false, target: .folder(.models)))
        XCTAssertTrue(refusal?.message.contains("notes.txt") == true, refusal?.message ?? "")
        XCTAssertTrue(refusal?.message.contains("--export-model") == true, refusal?.message ?? "")
        XCTAssertEqual(try snapshot(root), before, "the folder (or its parent) changed")
    }

    func testModelsFolderIsReplacedByTheNextExport() throws {
        try AtomicFolder.write(Self.modelFiles, to: url("models"), kind: .models)
        try AtomicFolder.write([("level_1.lp", Array("Minimize\n".utf8))], to: url("models"), kind: .models)
        XCTAssertEqual(try listing(url("models")), [FolderManifest.fileName, "level_1.lp"])
        XCTAssertEqual(try listing(root), ["models"])
    }

    // MARK: Defect 2: --out deleted any folder holding result.json

    func testFolderHoldingResultJSONAndAScenarioIsRefusedAndUntouched() throws {
        try put("{}\n", at: "proj/result.json")
        try put("name: x\n", at: "proj/scenario/scenario.yaml")
        try put("unit_id\n", at: "proj/scenario/units.csv")
        try put("ref: refs/heads/main\n", at: "proj/.git/HEAD")
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("proj"), kind: .run) }
        XCTAssertEqual(refusal?.reason, .foreignFiles([".git/", "result.json", "scenario/"], hasManifest: false, target: .folder(.run)))
        XCTAssertTrue(refusal?.message.contains("is not a run folder") == true, refusal?.message ?? "")
        XCTAssertEqual(try snapshot(root), before)
    }

    func testReSolvingIntoARunHoldingAUserExportIsRefusedAndUntouched() throws {
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        try put("xlsx bytes", at: "RUN/report.xlsx")
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("RUN"), kind: .run) }
        XCTAssertEqual(refusal?.reason, .foreignFiles(["report.xlsx"], hasManifest: true, target: .folder(.run)))
        XCTAssertEqual(refusal?.message, "\(url("RUN").path) holds files rotation did not write (report.xlsx); choose another --out, or move them away")
        XCTAssertEqual(try snapshot(root), before)
    }

    func testAForeignFileDeepInsideIsFound() throws {
        try AtomicFolder.write([("a/b/one.lp", [1]), ("two.lp", [2])], to: url("models"), kind: .models)
        try put("mine", at: "models/a/b/mine.txt")
        try FileManager.default.createDirectory(at: url("models/a/empty"), withIntermediateDirectories: true)
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.modelFiles, to: self.url("models"), kind: .models) }
        XCTAssertEqual(refusal?.reason, .foreignFiles(["a/b/mine.txt", "a/empty/"], hasManifest: true, target: .folder(.models)))
        XCTAssertEqual(try snapshot(root), before)
    }

    // MARK: Replacing what is ours

    func testReplacingOurOwnRunFolderLeavesNoTemporaryBehind() throws {
        for exchange in [true, false] {
            let target = url("run-\(exchange)")
            try AtomicFolder.write(Self.runFiles + [("glpk.log", Array("log\n".utf8))], to: target, kind: .run, exchange: exchange)
            try AtomicFolder.write(Self.runFiles, to: target, kind: .run, exchange: exchange)
            var expected = [FolderManifest.fileName: String(decoding: FolderManifest(kind: .run, files: Self.runFiles.map(\.name)).rendered(), as: UTF8.self)]
            for file in Self.runFiles { expected[file.name] = String(decoding: file.contents, as: UTF8.self) }
            XCTAssertEqual(try snapshot(target), expected, "exchange: \(exchange)")
        }
        XCTAssertEqual(try listing(root), ["run-false", "run-true"], "temporary or old folders left behind")
    }

    func testNestedFilesAreReplacedToo() throws {
        try AtomicFolder.write([("a/b/one.lp", [1]), ("a/two.lp", [2])], to: url("models"), kind: .models)
        try AtomicFolder.write([("c/three.lp", [3])], to: url("models"), kind: .models)
        XCTAssertEqual(try snapshot(url("models")).keys.sorted(), [FolderManifest.fileName, "c", "c/three.lp"])
        XCTAssertEqual(try listing(root), ["models"])
    }

    func testAnEmptyFolderIsAccepted() throws {
        try FileManager.default.createDirectory(at: url("RUN"), withIntermediateDirectories: true)
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        XCTAssertEqual(try listing(url("RUN")), ([FolderManifest.fileName] + Self.runFiles.map(\.name)).sorted())
        XCTAssertEqual(try listing(root), ["RUN"])
    }

    func testAMissingTargetIsCreatedWithItsParents() throws {
        try AtomicFolder.write(Self.runFiles, to: url("a/b/RUN"), kind: .run)
        XCTAssertEqual(try listing(url("a/b")), ["RUN"])
    }

    func testAManifestListingAFileTheFolderLacksStillCountsAsOurs() throws {
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        try FileManager.default.removeItem(at: url("RUN/shortlist.csv"))
        try AtomicFolder.write([("result.json", Array("new\n".utf8))], to: url("RUN"), kind: .run)
        XCTAssertEqual(try listing(url("RUN")), [FolderManifest.fileName, "result.json"])
    }

    func testAFolderOfTheOtherKindIsRefused() throws {
        try AtomicFolder.write(Self.modelFiles, to: url("models"), kind: .models)
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("models"), kind: .run) }
        XCTAssertEqual(refusal?.reason, .otherKind(found: .models, target: .folder(.run)))
        XCTAssertEqual(try snapshot(root), before)
    }

    func testAManifestRotationDidNotWriteIsRefused() throws {
        for (text, problem) in [("{\"tool\": \"other\", \"kind\": \"run\", \"files\": []}", "\"tool\""),
                                ("not json", "JSON"),
                                ("{\"tool\": \"rotation\", \"kind\": \"run\", \"files\": [\"../../etc/passwd\"]}", "etc/passwd"),
                                ("{\"tool\": \"rotation\", \"kind\": \"scenario\", \"files\": []}", "\"kind\"")] {
            try put(text, at: "RUN/\(FolderManifest.fileName)")
            try put("x", at: "RUN/result.json")
            let before = try snapshot(root)
            let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("RUN"), kind: .run) }
            guard case .unreadableManifest(let reason, .folder(.run))? = refusal?.reason else {
                XCTFail("\(String(describing: refusal))")
                continue
            }
            XCTAssertTrue(reason.description.contains(problem), reason.description)
            XCTAssertEqual(try snapshot(root), before)
        }
    }

    func testTheManifestIsDeterministicBytes() throws {
        try AtomicFolder.write(Self.runFiles, to: url("a"), kind: .run)
        try AtomicFolder.write(Self.runFiles.reversed(), to: url("b"), kind: .run)
        let a = try Data(contentsOf: url("a/\(FolderManifest.fileName)"))
        let b = try Data(contentsOf: url("b/\(FolderManifest.fileName)"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(String(decoding: a, as: UTF8.self), """
            {
              "tool": "rotation",
              "kind": "run",
              "files": ["audit.json", "result.json", "shortlist.csv"]
            }

            """)
        let parsed = FolderManifest.parse(Array(a))
        XCTAssertEqual(try parsed.get(), FolderManifest(kind: .run, files: ["result.json", "audit.json", "shortlist.csv"]))
        XCTAssertEqual(FolderManifest(kind: .models, files: []).rendered(),
                       Array("{\n  \"tool\": \"rotation\",\n  \"kind\": \"models\",\n  \"files\": []\n}\n".utf8))
    }

    // MARK: Links, files, bad names

    func testASymbolicLinkTargetIsRefusedAndKept() throws {
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        try FileManager.default.createSymbolicLink(atPath: url("link").path, withDestinationPath: "RUN")
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("link"), kind: .run) }
        XCTAssertEqual(refusal?.reason, .symbolicLink(target: .folder(.run)))
        XCTAssertTrue(refusal?.message.contains("symbolic link") == true, refusal?.message ?? "")
        XCTAssertEqual(try snapshot(root), before)
    }

    func testAFileTargetIsRefused() throws {
        try put("data", at: "RUN")
        let refusal = assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("RUN"), kind: .run) }
        XCTAssertEqual(refusal?.reason, .notAFolder(target: .folder(.run)))
        XCTAssertEqual(try snapshot(root), ["RUN": "data"])
    }

    func testNamesOutsideTheFolderAreRejectedBeforeAnythingIsWritten() throws {
        for name in ["../escape", "/etc/x", "a//b", FolderManifest.fileName, ""] {
            XCTAssertThrowsError(try AtomicFolder.write([(name, [1])], to: url("RUN"), kind: .run), name)
        }
        XCTAssertThrowsError(try AtomicFolder.write([("a", [1]), ("a", [2])], to: url("RUN"), kind: .run))
        XCTAssertEqual(try listing(root), [])
    }

    func testAnIOFailureIsNotARefusal() throws {
        try put("a file", at: "plain")
        do {
            try AtomicFolder.write(Self.runFiles, to: url("plain/RUN"), kind: .run)
            XCTFail("written under a file")
        } catch let failure as AtomicFolder.Failure {
            guard case .io = failure else { return XCTFail("\(failure)") }
            XCTAssertFalse(failure.isRefusal)
        }
        XCTAssertEqual(try snapshot(root), ["plain": "a file"])
    }

    func testCheckRefusesWithoutWriting() throws {
        try put("mine", at: "models/notes.txt")
        assertRefused { try AtomicFolder.check(self.url("models"), kind: .models) }
        XCTAssertNoThrow(try AtomicFolder.check(url("fresh"), kind: .run))
        XCTAssertEqual(try listing(root), ["models"])
    }

    func testRemovingExactlyLeavesWhatAppearedMeanwhile() throws {
        try put("ours", at: "old/a/one.lp")
        try put("theirs", at: "old/a/theirs.txt")
        XCTAssertFalse(Calls.removeExactly(url("old"), files: ["a/one.lp"], folders: ["a"]))
        XCTAssertEqual(try snapshot(root), ["old": "folder", "old/a": "folder", "old/a/theirs.txt": "theirs"])
    }

    #if os(Linux)
    func testExchangeSwapsTwoFoldersAtOnce() throws {
        try put("a", at: "a/from-a")
        try put("b", at: "b/from-b")
        switch Calls.exchange(url("a"), url("b")) {
        case .done:
            XCTAssertEqual(try snapshot(root), ["a": "folder", "a/from-b": "b", "b": "folder", "b/from-a": "a"])
        case .unsupported:
            // A file system without RENAME_EXCHANGE must leave both folders as they were (the writer
            // then falls back to two renames, tested above).
            XCTAssertEqual(try snapshot(root), ["a": "folder", "a/from-a": "a", "b": "folder", "b/from-b": "b"])
            return
        case let other:
            XCTFail("exchange failed: \(other)")
        }
        XCTAssertTrue({ if case .exists = Calls.renameNoReplace(url("a"), url("b")) { return true } else { return false } }())
    }
    #endif

    // MARK: create (rotation init)

    func testCreateOnlyFillsAMissingOrEmptyFolder() throws {
        try AtomicFolder.create([("scenario.yaml", Array("name: x\n".utf8))], at: url("new"))
        XCTAssertEqual(try listing(url("new")), ["scenario.yaml"], "a scenario gets no manifest")
        try FileManager.default.createDirectory(at: url("empty"), withIntermediateDirectories: true)
        try AtomicFolder.create([("scenario.yaml", [1])], at: url("empty"))
        let before = try snapshot(root)
        let refusal = assertRefused { try AtomicFolder.create([("scenario.yaml", [2])], at: self.url("new")) }
        XCTAssertEqual(refusal?.reason, .foreignFiles(["scenario.yaml"], hasManifest: false, target: .newFolder))
        XCTAssertEqual(try snapshot(root), before)
    }

    // MARK: writeFile

    func testWriteFileOverwritesAnOrdinaryFileAndLeavesNoTemporary() throws {
        try put("old report", at: "out/report.html")
        try AtomicFolder.writeFile(Array("new report".utf8), to: url("out/report.html"))
        try AtomicFolder.writeFile(Array("fresh".utf8), to: url("deeper/still/report.md"))
        XCTAssertEqual(try snapshot(root), ["out": "folder", "out/report.html": "new report",
                                            "deeper": "folder", "deeper/still": "folder", "deeper/still/report.md": "fresh"])
    }

    func testWriteFileRefusesAFileOfARunFolder() throws {
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        var before = try snapshot(url("RUN"))
        for name in ["result.json", "shortlist.csv", FolderManifest.fileName] {
            let refusal = assertRefused { try AtomicFolder.writeFile(Array("x".utf8), to: self.url("RUN/\(name)")) }
            XCTAssertEqual(refusal?.reason, .partOfFolder(folder: url("RUN").path, kind: name == FolderManifest.fileName ? nil : .run))
        }
        // Listed but deleted: still the run's name, so still refused.
        try FileManager.default.removeItem(at: url("RUN/audit.json"))
        before["audit.json"] = nil
        assertRefused { try AtomicFolder.writeFile(Array("x".utf8), to: self.url("RUN/audit.json")) }
        XCTAssertEqual(try snapshot(url("RUN")), before)
        // A nested name of a models folder.
        try AtomicFolder.write([("a/one.lp", [1])], to: url("models"), kind: .models)
        let models = try snapshot(url("models"))
        let refusal = assertRefused { try AtomicFolder.writeFile(Array("x".utf8), to: self.url("models/a/one.lp")) }
        XCTAssertEqual(refusal?.reason, .partOfFolder(folder: url("models").path, kind: .models))
        XCTAssertEqual(try snapshot(url("models")), models)
        XCTAssertEqual(try listing(root), ["RUN", "models"])
    }

    func testWriteFileMayAddAnExportBesideARunWhichThenIsNoLongerReplaceable() throws {
        try AtomicFolder.write(Self.runFiles, to: url("RUN"), kind: .run)
        try AtomicFolder.writeFile(Array("xlsx".utf8), to: url("RUN/report.xlsx"))
        assertRefused { try AtomicFolder.write(Self.runFiles, to: self.url("RUN"), kind: .run) }
        XCTAssertEqual(try String(contentsOf: url("RUN/report.xlsx"), encoding: .utf8), "xlsx")
    }

    func testWriteFileRefusesTheFilesOfAScenarioFolder() throws {
        try put("name: x\n", at: "S/scenario.yaml")
        try put("unit_id\n", at: "S/units.csv")
        try put("PK", at: "S/cadres.xlsx")
        try put("# notes\n", at: "S/README.md")
        let before = try snapshot(root)
        for name in ["scenario.yaml", "units.csv", "cadres.xlsx"] {
            let refusal = assertRefused { try AtomicFolder.writeFile(Array("x".utf8), to: self.url("S/\(name)")) }
            XCTAssertEqual(refusal?.reason, .partOfScenario(folder: url("S").path))
        }
        XCTAssertEqual(try snapshot(root), before)
        // A new file beside the scenario is fine: it overwrites nothing.
        try AtomicFolder.writeFile(Array("html".utf8), to: url("S/report.html"))
        XCTAssertEqual(try listing(url("S")), ["README.md", "cadres.xlsx", "report.html", "scenario.yaml", "units.csv"])
    }

    func testWriteFileRefusesAFolderAndALink() throws {
        try FileManager.default.createDirectory(at: url("report.html"), withIntermediateDirectories: true)
        XCTAssertEqual(assertRefused { try AtomicFolder.writeFile([1], to: self.url("report.html")) }?.reason, .isFolder)
        try put("real", at: "real.html")
        try FileManager.default.createSymbolicLink(atPath: url("link.html").path, withDestinationPath: "real.html")
        XCTAssertEqual(assertRefused { try AtomicFolder.writeFile([1], to: self.url("link.html")) }?.reason,
                       .symbolicLink(target: .file))
        XCTAssertEqual(try snapshot(root), ["report.html": "folder", "real.html": "real", "link.html": "link → real.html"])
    }
}

/// The system's reasons in the user's words (issue 9): a full disk, no permission, a read-only disk.
final class SystemReasonTests: XCTestCase {
    func testCommonReasonsAreInWordsWithTheSystemsTextAsADetail() {
        let full = FolderTexts.cannotWrite("R1/result.json", .code(ENOSPC)).text
        XCTAssertEqual(full.zh, "无法写入 R1/result.json：磁盘空间已满（`\(String(cString: strerror(ENOSPC)))`）")
        XCTAssertEqual(full.en, "cannot write R1/result.json: \(String(cString: strerror(ENOSPC)))")
        for (code, kind) in [(EACCES, FolderTexts.SystemReason.Kind.permission), (EPERM, .permission), (EROFS, .readOnlyFileSystem),
                             (EDQUOT, .quota), (EFBIG, .fileTooLarge), (ENOTDIR, .notAFolder), (EIO, .input), (EINVAL, .other)] {
            XCTAssertEqual(FolderTexts.SystemReason.code(code).kind, kind, "errno \(code)")
            XCTAssertEqual(LanguageCheck.englishWords(in: FolderTexts.cannotCreate("R1", .code(code)).text.zh), [])
        }
        let foundation = FolderTexts.SystemReason.of(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)))
        XCTAssertEqual(foundation.kind, .diskFull)
    }

    func testARefusalRendersInEitherLanguage() {
        let failure = AtomicFolder.Failure.refused(path: "R1", reason: .notAFolder(target: .folder(.run)))
        XCTAssertEqual(failure.rendered(.zh), "R1 已存在，但不是文件夹；请换一个 `--out`")
        XCTAssertEqual(failure.rendered(.en), "R1 exists and is not a folder; choose another --out")
        XCTAssertEqual(failure.description, failure.rendered(.en))
    }
}
