// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
@testable import RotationIO

/// Faults during a write (issue 13, item 5): a signal at every named step, with and without
/// RENAME_EXCHANGE; leftovers of killed writers; concurrent writers. After each, the old folder is
/// intact or the new one complete — never neither — and no temporary is left behind.
final class AtomicFolderFaultTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        SignalGuard.simulated = nil
        try? FileManager.default.removeItem(at: root)
    }

    static func run(_ tag: String) -> [(name: String, contents: [UInt8])] {
        [("shortlist.csv", Array("position_id,rank,\(tag)\n".utf8)), ("result.json", Array("{\"run\": \"\(tag)\"}\n".utf8)),
         ("audit.json", Array("{\"audit\": \"\(tag)\"}\n".utf8)), ("sub/nested.csv", Array("\(tag)\n".utf8))]
    }

    /// The files of the folder (manifest aside), or nil if it does not exist.
    func contents(_ url: URL) -> [String: String]? {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: url.path) else { return nil }
        var result: [String: String] = [:]
        for name in names where name != FolderManifest.fileName {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            result[name] = String(decoding: (try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        return result
    }

    func expected(_ tag: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Self.run(tag).map { ($0.name, String(decoding: $0.contents, as: UTF8.self)) })
    }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() }

    // MARK: Signals at each step

    func testASignalAtEveryStepLeavesTheOldRunOrTheNewOneAndNoTemporary() throws {
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        for exchange in [true, false] {
            for (index, step) in SignalGuard.Step.allCases.enumerated() {
                let target = root.appendingPathComponent("run-\(exchange)-\(step.rawValue)")
                try AtomicFolder.write(Self.run("old"), to: target, kind: .run, exchange: exchange)
                let signal = signals[index % signals.count]
                SignalGuard.simulated = (step, signal)
                var replaced: Bool?
                do {
                    try AtomicFolder.write(Self.run("new"), to: target, kind: .run, exchange: exchange)
                } catch AtomicFolder.Failure.interrupted(let received, let didReplace) {
                    XCTAssertEqual(received, signal)
                    replaced = didReplace
                }
                SignalGuard.simulated = nil
                let found = contents(target)
                let label = "\(step.rawValue), exchange \(exchange)"
                switch step {
                case .solving:
                    XCTAssertNil(replaced, "not a step of a write")
                    XCTAssertEqual(found, expected("new"), label)
                case .oldAside where exchange:
                    XCTAssertNil(replaced, "no old-aside step with RENAME_EXCHANGE: \(label)")
                    XCTAssertEqual(found, expected("new"), label)
                case .locked, .temporaryCreated, .fileWritten, .temporaryComplete:
                    XCTAssertEqual(replaced, false, label)
                    XCTAssertEqual(found, expected("old"), "the old run must be intact: \(label)")
                case .oldAside, .exchanged, .done:
                    XCTAssertEqual(replaced, true, label)
                    XCTAssertEqual(found, expected("new"), "the new run must be complete: \(label)")
                }
                XCTAssertEqual(try listing().filter { $0.hasPrefix(".") }, [], "a temporary was left: \(label)")
            }
        }
    }

    func testASignalDuringASingleFileWriteKeepsTheOldFile() throws {
        let target = root.appendingPathComponent("report.html")
        try AtomicFolder.writeFile(Array("old".utf8), to: target)
        SignalGuard.simulated = (.temporaryComplete, SIGTERM)
        XCTAssertThrowsError(try AtomicFolder.writeFile(Array("new".utf8), to: target)) { error in
            XCTAssertEqual(error as? AtomicFolder.Failure, .interrupted(signal: SIGTERM, replaced: false))
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(try listing(), ["report.html"])
        SignalGuard.simulated = (.done, SIGINT)
        XCTAssertThrowsError(try AtomicFolder.writeFile(Array("new".utf8), to: target))
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "new")
        XCTAssertEqual(try listing(), ["report.html"])
    }

    // MARK: Leftovers of killed writers

    /// A process id that is certainly not running.
    func deadProcessID() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    func testLeftoversOfADeadWriterAreRemovedIfTheyAreRotations() throws {
        let target = root.appendingPathComponent("run")
        let dead = deadProcessID()
        // A temporary folder killed half-way: the manifest (written first) and one of its files.
        let partial = root.appendingPathComponent(".run.tmp-\(dead)-abc")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data(FolderManifest(kind: .run, files: ["a.csv", "b.csv"]).rendered()).write(to: partial.appendingPathComponent(FolderManifest.fileName))
        try Data("a".utf8).write(to: partial.appendingPathComponent("a.csv"))
        // An old run moved aside by the two-rename fallback.
        let aside = root.appendingPathComponent(".run.old-\(dead)-def")
        try AtomicFolder.write([("a.csv", Array("x".utf8))], to: aside, kind: .run)
        // Not provably ours: a foreign file inside; a live process's; another target's; no manifest.
        let foreign = root.appendingPathComponent(".run.tmp-\(dead)-ghi")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data(FolderManifest(kind: .run, files: ["a.csv"]).rendered()).write(to: foreign.appendingPathComponent(FolderManifest.fileName))
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let live = root.appendingPathComponent(".run.tmp-\(getppid())-jkl")
        try AtomicFolder.write([("a.csv", Array("x".utf8))], to: live, kind: .run)
        let other = root.appendingPathComponent(".other.tmp-\(dead)-mno")
        try AtomicFolder.write([("a.csv", Array("x".utf8))], to: other, kind: .run)
        let bare = root.appendingPathComponent(".run.tmp-\(dead)-pqr")
        try FileManager.default.createDirectory(at: bare.appendingPathComponent("x"), withIntermediateDirectories: true)

        try AtomicFolder.write(Self.run("new"), to: target, kind: .run)
        XCTAssertEqual(contents(target), expected("new"))
        XCTAssertEqual(try listing(), [".other.tmp-\(dead)-mno", ".run.tmp-\(dead)-ghi", ".run.tmp-\(dead)-pqr", ".run.tmp-\(getppid())-jkl", "run"].sorted())
        XCTAssertEqual(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
    }

    func testALeftoverTemporaryFileOfAnExportIsRemoved() throws {
        let dead = deadProcessID()
        try Data("half".utf8).write(to: root.appendingPathComponent(".report.html.tmp-\(dead)-x1"))
        try Data("keep".utf8).write(to: root.appendingPathComponent(".report.html.tmp-\(getppid())-x2"))
        try AtomicFolder.writeFile(Array("new".utf8), to: root.appendingPathComponent("report.html"))
        XCTAssertEqual(try listing(), [".report.html.tmp-\(getppid())-x2", "report.html"])
    }

    func testTemporaryNamesCarryTheProcessID() {
        let name = Leftovers.name(base: "run", tag: "tmp")
        XCTAssertEqual(Leftovers.processID(in: name, base: "run"), getpid())
        XCTAssertNil(Leftovers.processID(in: ".run.tmp-abc", base: "run"), "an older name without a process id is never touched")
        XCTAssertNil(Leftovers.processID(in: ".run.tmp-12-", base: "run"))
        XCTAssertNil(Leftovers.processID(in: ".runs.tmp-12-x", base: "run"))
    }

    // MARK: Concurrent writers

    func testConcurrentWritersOfOneTargetLeaveOneCompleteRunAndNoTemporary() throws {
        let target = root.appendingPathComponent("run")
        try AtomicFolder.write(Self.run("start"), to: target, kind: .run)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            do {
                try AtomicFolder.write(Self.run("writer\(index)"), to: target, kind: .run, exchange: index % 2 == 0)
            } catch {
                failures.add("\(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        let found = try XCTUnwrap(contents(target))
        let tag = try XCTUnwrap(found["result.json"]).components(separatedBy: "\"")[3]
        XCTAssertEqual(found, expected(tag), "one writer's run, complete")
        XCTAssertEqual(try listing(), ["run"])
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}
