// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import XCTest

/// The sample's ballots: their tally is the sample's evaluations.csv, byte for byte, and their
/// tally.json is the golden one beside this test (`UPDATE_GOLDEN=1` rewrites it; read the diff).
final class BallotGoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = root.appendingPathComponent("scenarios/fenghua-2017")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fenghua-2017-tally.json")

    func tally() throws -> (TallyResult, LoadedScenario) {
        let loaded = try ScenarioLoader.load(folder: Self.sample)
        let box = try BallotReader.read(folder: Self.sample.appendingPathComponent("ballots"), scenario: loaded.scenario, language: .zh).box
        let confirmations = Dictionary(uniqueKeysWithValues: loaded.scenario.evaluations.map {
            ($0.cadreID, Tally.Confirmation(poor: $0.confirmedPoor, moral: $0.moralConfirmed))
        })
        return (Tally.count(box, rules: loaded.scenario.rules, confirmations: confirmations), loaded)
    }

    func testTheSampleBallotsTallyToTheSampleEvaluations() throws {
        let (result, _) = try tally()
        let expected = try Data(contentsOf: Self.sample.appendingPathComponent("evaluations.csv"))
        XCTAssertEqual(BallotWriter.evaluationsCSV(result, language: .zh), String(decoding: expected, as: UTF8.self))
    }

    func testEveryTRuleFiresOnTheSample() throws {
        let (result, _) = try tally()
        for rule in [RuleID.tallyMark, .tallyGood, .tallyPoor, .tallyReason] {
            XCTAssertTrue(result.findings.contains { $0.rule == rule }, "\(rule.rawValue) never fires on the sample")
        }
        for effect in [TallyEffect.flag, .voidCell, .voidLine, .voidBallot] {
            XCTAssertTrue(result.findings.contains { $0.effect == effect }, "no finding \(effect.rawValue) on the sample")
        }
        XCTAssertTrue(result.ballots.contains { $0.isVoid && $0.overQuotaColumns == [.decision] }, "a ballot void through a category column")
        XCTAssertTrue(result.cadres.contains { $0.spoiled > 0 } && result.cadres.contains { $0.abstentions > 0 })
        XCTAssertEqual(result.cadres.first { $0.cadreID == "FH003" }?.moralScore, Fraction(90), "the moral boundary: exactly 90 is 好")
        XCTAssertEqual(result.cadres.first { $0.cadreID == "FH003" }?.moral, .good)
        XCTAssertEqual(result.meetings.first { $0.unitID == "RSJ" }?.reachesMinimum, false, "31 of 40")
        XCTAssertEqual(result.meetings.first { $0.unitID == "CZJ" }?.reachesMinimum, true, "60 of 75 is exactly 4/5")
    }

    func testTallyJSONMatchesGolden() throws {
        let (result, loaded) = try tally()
        let json = BallotWriter.tallyJSON(result, minParticipation: loaded.scenario.rules.minParticipation).rendered()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(json.utf8).write(to: Self.golden) }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        XCTAssertEqual(json, expected, "tally.json differs from Fixtures/fenghua-2017-tally.json; UPDATE_GOLDEN=1 only if intended")
    }
}
