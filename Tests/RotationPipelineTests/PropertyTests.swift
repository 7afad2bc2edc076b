// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import PropertyBased
import RotationCore
import RotationIO
import RotationPipeline
import XCTest

/// Properties of the whole pipeline on random variations of the sample scenario (issue 13),
/// generated with x-sheep/swift-property-based's generators from fixed seeds, so a failure names
/// its case and reproduces:
/// - permuting the rows of any CSV gives the same run bytes;
/// - renaming cadre and position ids consistently (order kept) gives the same run up to the renaming;
/// - an added applicant who fails a person-level rule changes no shortlist;
/// - a run read back and written again is byte-identical.
final class PropertyTests: XCTestCase {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/fenghua-2017")
    static let csvFiles = ["units.csv", "positions.csv", "cadres.csv", "assessments.csv", "applications.csv", "interviews.csv",
                           "evaluations.csv", "transfer_fit.csv"]

    var folders: [URL] = []

    override func tearDownWithError() throws {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    /// A fixed seed per property, so every run checks the same cases.
    func generator(_ seed: UInt64) -> Xoshiro { Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed ^ 0xDEAD_BEEF, 42)) }

    /// The sample's files (relative name → text), ballots aside.
    func sampleFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in Self.csvFiles + ["scenario.yaml"] {
            files[name] = try String(contentsOf: Self.sample.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// Solves a scenario given as files; returns the run folder's files (name → text).
    func solve(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-property-\(UUID().uuidString)")
        folders.append(folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let loaded = try Pipeline.load(folder)
        let solved = try Pipeline.solve(loaded, Pipeline.Options())
        return Dictionary(uniqueKeysWithValues: RunFolder.files(of: solved.run).map { ($0.name, $0.contents) })
    }

    /// A run's files without what records the input bytes themselves (fingerprints in audit.json).
    func withoutFingerprints(_ run: [String: String], sizes: Bool = false) -> [String: String] {
        run.mapValues { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"sha256\"") && !(sizes && $0.contains("\"bytes\"")) }.joined(separator: "\n")
        }
    }

    /// Asserts that two runs agree file by file, naming the first differing line (not the whole file).
    func assertSameRun(_ found: [String: String], _ expected: [String: String], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(found.keys.sorted(), expected.keys.sorted(), label, file: file, line: line)
        for name in expected.keys.sorted() where found[name] != expected[name] {
            let a = (found[name] ?? "").components(separatedBy: "\n"), b = (expected[name] ?? "").components(separatedBy: "\n")
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail("\(label): \(name) differs at line \(index + 1): «\(index < a.count ? a[index] : "")» instead of «\(index < b.count ? b[index] : "")»",
                    file: file, line: line)
        }
    }

    func rows(_ text: String) -> (header: String, rows: [String], trailingNewline: Bool) {
        var lines = text.components(separatedBy: "\n")
        let trailing = lines.last == ""
        if trailing { lines.removeLast() }
        return (lines[0], Array(lines.dropFirst()), trailing)
    }

    func join(_ header: String, _ rows: [String], _ trailing: Bool) -> String {
        ([header] + rows).joined(separator: "\n") + (trailing ? "\n" : "")
    }

    func testPermutingTheRowsOfAnyCSVGivesTheSameRunBytes() throws {
        let base = try sampleFiles()
        let expected = withoutFingerprints(try solve(base))
        var rng = generator(13)
        for round in 0..<6 {
            var files = base
            // One file per round in turn, then several at once.
            let chosen = round < 4 ? [Self.csvFiles[(round * 3) % Self.csvFiles.count]]
                : Gen.shuffled(Self.csvFiles).run(using: &rng).prefix(4).map { $0 }
            for name in chosen {
                let (header, lines, trailing) = rows(try XCTUnwrap(files[name]))
                files[name] = join(header, Gen.shuffled(lines).run(using: &rng), trailing)
            }
            assertSameRun(withoutFingerprints(try solve(files)), expected, "round \(round): rows of \(chosen) permuted")
        }
    }

    /// `count` new ids, increasing with random gaps, of one width: the order of the old ids is kept.
    func orderedIDs(_ count: Int, prefix: String, using rng: inout Xoshiro) -> [String] {
        var value = 0
        return (0..<count).map { _ in
            value += Gen.int(in: 1...40).run(using: &rng)
            return prefix + String(repeating: "0", count: max(0, 5 - String(value).count)) + String(value)
        }
    }

    func testRenamingIdsConsistentlyGivesTheSameRunUpToTheRenaming() throws {
        let base = try sampleFiles()
        let expected = withoutFingerprints(try solve(base), sizes: true)
        let cadres = rows(base["cadres.csv"]!).rows.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }.sorted()
        let positions = rows(base["positions.csv"]!).rows.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }.sorted()
        var rng = generator(21)
        for round in 0..<3 {
            var forward: [String: String] = [:]
            for (old, new) in zip(cadres, orderedIDs(cadres.count, prefix: "RX", using: &rng)) { forward[old] = new }
            for (old, new) in zip(positions, orderedIDs(positions.count, prefix: "PQ", using: &rng)) { forward[old] = new }
            var files = base
            for name in Self.csvFiles {
                files[name] = files[name]!.components(separatedBy: "\n").map { line in
                    line.split(separator: ",", omittingEmptySubsequences: false).map { forward[String($0)] ?? String($0) }.joined(separator: ",")
                }.joined(separator: "\n")
            }
            // New ids are longer than old ones: the input sizes in audit.json differ, nothing else may.
            var found = withoutFingerprints(try solve(files), sizes: true)
            let backward = forward.map { ($0.value, $0.key) }
            found = found.mapValues { text in backward.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) } }
            assertSameRun(found, expected, "round \(round): renamed ids")
        }
    }

    func testAnAddedApplicantWhoFailsAPersonLevelRuleChangesNoShortlist() throws {
        let base = try sampleFiles()
        let expected = try solve(base)
        let offered = rows(base["positions.csv"]!).rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[5] == "是" }
        let units = rows(base["units.csv"]!).rows.map { String($0.split(separator: ",")[0]) }
        var rng = generator(34)
        for round in 0..<5 {
            var files = base
            let position = Gen.element(of: offered).run(using: &rng)!
            let unit = Gen.element(of: units.filter { $0 != position[1] }).run(using: &rng)!
            // 身体条件 否: fails E-HEALTH, a person-level rule; otherwise an ordinary deputy.
            let cadre = "FH9\(String(format: "%02d", round))"
            files["cadres.csv"]! += "\(cadre),新报名者\(round),男,1980年05月,\(unit),\(position[3]),2012-01,,,2,本科,公务员,否,已达标,否,,否,否,,\n"
            files["applications.csv"]! += "\(cadre),\(position[0]),1,是\n"
            let found = try solve(files)
            XCTAssertTrue(found["eligibility.csv"]!.contains("\(cadre),,E-HEALTH,fail"), "round \(round): the added applicant must fail E-HEALTH")
            XCTAssertEqual(found["shortlist.csv"], expected["shortlist.csv"], "round \(round): \(cadre) applying to \(position[0]) changed a shortlist")
        }
    }

    func testARunReadBackAndWrittenAgainIsByteIdentical() throws {
        let base = try sampleFiles()
        var rng = generator(55)
        for round in 0..<5 {
            var files = base
            let passMark = Gen.int(in: 55...80).run(using: &rng)
            let decimals = Gen.int(in: 0...2).run(using: &rng)
            let transfer = Gen.bool().run(using: &rng)
            files["scenario.yaml"] = files["scenario.yaml"]!.replacingOccurrences(of: "  enabled: true ", with: "  enabled: \(transfer) ")
                + "rules:\n  pass_mark: \(passMark)\n  score_decimals: \(decimals)\n"
            let written = try solve(files)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-property-run-\(UUID().uuidString)")
            folders.append(folder)
            try AtomicFolder.write(written.map { (name: $0.key, contents: Array($0.value.utf8)) }, to: folder, kind: .run)
            let rewritten = Dictionary(uniqueKeysWithValues: RunFolder.files(of: try RunFolder.read(folder)).map { ($0.name, $0.contents) })
            XCTAssertEqual(rewritten.keys.sorted(), written.keys.sorted())
            assertSameRun(rewritten, written, "round \(round) (pass_mark \(passMark), \(decimals) decimals, transfer \(transfer))")
        }
    }
}
