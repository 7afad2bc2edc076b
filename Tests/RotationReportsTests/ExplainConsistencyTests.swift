// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import RotationPipeline
import XCTest

/// `explain` never contradicts the run: every cadre of the sample and of 240 generated scenarios is
/// explained, the run is written to a run folder and read back, and every statement is checked
/// against what the files say (shortlist.csv, withdrawn.csv, ties.csv, placements.csv,
/// eligibility.csv, rotation_due.csv, result.json). Causes are checked too: a vacancy said to be
/// taken by another must be theirs by the plan's priorities, a cap said to bind must be full, and
/// no vacancy is ever left empty in a run proven optimal.
final class ExplainConsistencyTests: XCTestCase {
    func testEveryCadreOfTheSample() throws {
        let loaded = try Pipeline.load(Sample.scenario)
        let checked = try check(loaded, label: "sample")
        XCTAssertEqual(checked.cadres, loaded.scenario.cadres.count)
        // The causes the issue named: FH028 blocked by the cap, FH024 exempt and not a candidate.
        let solved = try Pipeline.solve(loaded, Pipeline.Options())
        let explanation = Explanation(adjudication: solved.adjudication, run: solved.run, language: .zh)
        let fh028 = explanation.lines(for: "FH028").map(\.statement)
        XCTAssertTrue(fh028.contains { if case .capBound(_, "CZJ", "ZJJ", 1, ["FH032"]) = $0 { return true } else { return false } }, "\(fh028)")
        let fh024 = explanation.lines(for: "FH024").map(\.statement)
        XCTAssertTrue(fh024.contains(.notCandidate(exempt: true)), "\(fh024)")
        XCTAssertFalse(fh024.contains { if case .due = $0 { return true } else { return false } })
    }

    func testEveryCadreOfGeneratedScenarios() throws {
        var totals = (scenarios: 0, cadres: 0, statements: 0)
        var seen = Set<String>()
        for seed in UInt64(1)...240 {
            let scenario = ExplainScenarios.make(seed: seed)
            let loaded = LoadedScenario(scenario: scenario, warnings: [], inputs: [])
            let checked = try check(loaded, label: "seed \(seed)")
            totals.scenarios += 1
            totals.cadres += checked.cadres
            totals.statements += checked.statements
            seen.formUnion(checked.kinds)
        }
        XCTAssertEqual(totals.scenarios, 240)
        XCTAssertGreaterThan(totals.cadres, 2000)
        // The generator reaches the interesting statements (else the test proves little).
        for kind in ["belowPassMark", "outrankedByScore", "outrankedByTie", "proposed", "alternate", "belowCutoff", "onPreferredList",
                     "placedByTransfer", "vacancyTaken", "capBound", "exempt", "due", "notCandidateFails", "positionWithdrawn",
                     "notEligibleApplicant", "noSuitableVacancy", "transferNotRun"] {
            XCTAssertTrue(seen.contains(kind), "no generated scenario produced \(kind)")
        }
        XCTAssertFalse(seen.contains("vacancyLeftEmpty"), "runs proven optimal never leave a suitable vacancy empty")
    }

    /// Solves, writes and reads back the run, explains every cadre in both languages, and checks every statement.
    func check(_ loaded: LoadedScenario, label: String) throws -> (cadres: Int, statements: Int, kinds: Set<String>) {
        let solved = try Pipeline.solve(loaded, Pipeline.Options())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in RunFolder.files(of: solved.run) {
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.name))
        }
        let files = try RunFolder.read(folder)
        var statements = 0
        var kinds = Set<String>()
        for cadre in loaded.scenario.cadres {
            for language in [Language.zh, .en] {
                let explanation = Explanation(adjudication: solved.adjudication, run: solved.run, language: language)
                let lines = explanation.lines(for: cadre.id)
                XCTAssertEqual(explanation.sentences(for: cadre.id).count, lines.count)
                if language == .en { continue }
                let context = "\(label) \(cadre.id):\n" + explanation.sentences(for: cadre.id).joined(separator: "\n")
                FilesCheck(run: files, cadre: cadre, context: context).check(lines.map(\.statement))
                statements += lines.count
                kinds.formUnion(lines.map { Self.kind($0.statement) })
            }
        }
        return (loaded.scenario.cadres.count, statements, kinds)
    }

    /// The case name of a statement (`capBound`).
    static func kind(_ statement: ExplanationStatement) -> String {
        String(String(describing: statement).prefix { $0 != "(" })
    }
}

/// Checks the statements about one cadre against the run read back from its files.
struct FilesCheck {
    let run: Run
    let cadre: Cadre
    let context: String

    func fail(_ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTFail("\(message)\n\(context)", file: file, line: line)
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        if !condition { fail(message(), file: file, line: line) }
    }

    var me: CadreID { cadre.id }
    func list(_ positionID: PositionID) -> [Plan.ShortlistEntry] { run.shortlist(of: positionID) }
    func entry(_ positionID: PositionID, _ cadreID: CadreID) -> Plan.ShortlistEntry? { list(positionID).first { $0.cadreID == cadreID } }
    var placement: Plan.Placement? { run.plan.placements.first { $0.cadreID == me } }
    var dueRecord: RotationDue.Record? { run.rotationDue.first { $0.cadreID == me } }
    var personFails: [Verdict] { run.eligibility.filter { $0.cadreID == me && $0.positionID == nil && $0.verdict == .fail } }

    func check(_ statements: [ExplanationStatement]) {
        // Completeness: what the files say about the cadre is said.
        let outcomes = statements.filter {
            switch $0 { case .placedByCompetition, .placedByTransfer, .notPlaced: return true; default: return false }
        }
        expect(outcomes.count == 1, "exactly one outcome: \(outcomes)")
        if let placement {
            expect(outcomes.first == (placement.phase == .competition ? .placedByCompetition(placement.positionID)
                                      : .placedByTransfer(placement.positionID, fit: placement.scoreHundredths)), "outcome \(outcomes)")
        } else {
            expect(outcomes.first == .notPlaced, "not placed")
        }
        for listed in run.plan.shortlist where listed.cadreID == me {
            expect(statements.contains { s in
                switch s {
                case .proposed(let p, _, _, _), .alternate(let p, _, _, _, _): return p == listed.positionID
                default: return false
                }
            }, "shortlisted for \(listed.positionID) and not said")
        }
        if let dueRecord {
            expect(statements.contains(dueRecord.exempt ? .exempt(monthsToRetirement: dueRecord.monthsToRetirement,
                                                                  threshold: run.rules.exemptMonthsBeforeRetirement)
                                                        : .due(dueRecord)), "rotation_due.csv row not said")
        }
        expect(statements.contains(personFails.isEmpty ? .mayCompete : .mayNotCompete), "may compete or not")
        for statement in statements { check(statement) }
    }

    func check(_ statement: ExplanationStatement) {
        switch statement {
        case .identity(let id): expect(id == me && run.cadreByID[id] != nil, "identity")
        case .mayCompete: expect(personFails.isEmpty, "may compete, yet eligibility.csv has \(personFails)")
        case .mayNotCompete: expect(!personFails.isEmpty, "may not compete, yet no person-level fail")
        case .verdict(let verdict): expect(run.eligibility.contains(verdict), "verdict not in eligibility.csv: \(verdict)")
        case .noApplications, .applied, .notApplied, .wouldQualify, .wouldFail, .awaitingInterview, .moreAbove, .score: break
        case .notEligibleApplicant(let p):
            expect(run.eligibility.contains { $0.cadreID == me && ($0.positionID == nil || $0.positionID == p) && $0.verdict == .fail },
                   "not an eligible applicant for \(p), yet no fail in eligibility.csv")
        case .positionWithdrawn(let withdrawal): expect(run.plan.withdrawn.contains(withdrawal), "withdrawal not in withdrawn.csv")
        case .belowPassMark(let p, let score, let mark):
            expect(run.eligibility.contains { $0.cadreID == me && $0.positionID == p && $0.rule == .pass && $0.verdict == .fail },
                   "C-PASS not in eligibility.csv")
            expect(mark == run.rules.passMarkHundredths && score < mark, "pass mark \(mark), score \(score)")
        case .ranked(let p, let place, let count):
            expect(1 <= place && place <= count, "rank \(place) of \(count)")
            if let mine = entry(p, me), run.mode == .competition { expect(mine.rank == place, "rank \(place) but shortlist.csv says \(mine.rank)") }
        case .outrankedByScore(let p, let other, let theirs, let mine):
            expect(theirs > mine, "outranked by a lower score")
            if let listed = entry(p, other) { expect(listed.scoreHundredths == theirs, "their score differs from shortlist.csv") }
            if let listed = entry(p, me) { expect(listed.scoreHundredths == mine, "my score differs from shortlist.csv") }
            if let theirs = entry(p, other), let mine = entry(p, me) { expect(theirs.rank < mine.rank, "outranked but listed below") }
        case .outrankedByTie(let p, let other, let key, _, _):
            if let tie = run.ties.first(where: { $0.positionID == p && $0.cadreID == other && $0.otherCadreID == me }) {
                expect(tie.key == key, "tie key \(key) but ties.csv says \(tie.key)")
            }
            if let theirs = entry(p, other), let mine = entry(p, me) {
                expect(theirs.scoreHundredths == mine.scoreHundredths && theirs.rank < mine.rank, "tie with \(other) not in shortlist.csv")
            }
            expect(!run.ties.contains { $0.positionID == p && $0.cadreID == me && $0.otherCadreID == other }, "ties.csv has the opposite order")
        case .proposed(let p, let next, let mine, let nextScore):
            let lines = list(p)
            expect(lines.first?.cadreID == me && lines.first?.scoreHundredths == mine && lines.first?.role == .proposed, "not rank 1 of \(p)")
            expect(lines.dropFirst().first?.cadreID == next && lines.dropFirst().first?.scoreHundredths == nextScore, "rank 2 of \(p) differs")
            expect(run.plan.placements.contains { $0.cadreID == me && $0.positionID == p && $0.phase == .competition }, "proposed but not placed")
        case .alternate(let p, let rank, let first, let firstScore, let mine):
            let listed = entry(p, me)
            expect(listed?.rank == rank && listed?.role == .alternate && listed?.scoreHundredths == mine, "alternate \(rank) of \(p) differs")
            expect(list(p).first?.cadreID == first && list(p).first?.scoreHundredths == firstScore, "rank 1 of \(p) differs")
        case .belowCutoff(let p, let size, let last, let lastScore, let mine):
            expect(entry(p, me) == nil && list(p).count == size && list(p).last?.cadreID == last && list(p).last?.scoreHundredths == lastScore,
                   "cutoff of \(p) differs from shortlist.csv")
            expect(lastScore > mine, "below the cutoff with a score not below it")
            expect(run.mode == .competition, "cutoff in preferences mode")
        case .belowCutoffByTie(let p, let last, let key, _, _):
            expect(entry(p, me) == nil && list(p).last?.cadreID == last, "cutoff of \(p) differs")
            if let tie = run.ties.first(where: { $0.positionID == p && $0.cadreID == last && $0.otherCadreID == me }) {
                expect(tie.key == key, "tie key differs from ties.csv")
            }
        case .onPreferredList(let p, let q, _, let rank):
            expect(entry(p, me) == nil && entry(q, me)?.rank == rank && run.mode == .preferences, "preferred list \(q) differs")
        case .listedAllRankAbove(let p): expect(entry(p, me) == nil, "said not listed on \(p)")
        case .placedByCompetition, .placedByTransfer, .notPlaced: break   // checked above
        case .due(let record): expect(dueRecord.map { !$0.exempt && $0 == record } ?? false, "due differs from rotation_due.csv")
        case .exempt(let months, _): expect(dueRecord.map { $0.exempt && $0.monthsToRetirement == months } ?? false, "exempt differs")
        case .transferNotRun: expect(run.transfer.code == "not_run", "transfer did run")
        case .transferInfeasible: expect(run.transfer.code == "infeasible", "transfer not infeasible")
        case .notCandidateFails(let rules):
            expect(placement == nil && !rules.isEmpty && !rules.contains(.term), "fails \(rules)")
            for rule in rules { expect(personFails.contains { $0.rule == rule }, "\(rule) not failed in eligibility.csv") }
        case .notCandidate(let exempt):
            expect(!run.dueNotExempt.contains(me) && !cadre.acceptsTransfer && placement == nil, "is a candidate")
            expect(exempt == (dueRecord?.exempt ?? false), "exempt differs")
        case .candidate(let due):
            expect(placement == nil && due == run.dueNotExempt.contains(me) && (due || cadre.acceptsTransfer), "candidate differs")
            expect(personFails.allSatisfy { $0.rule == .term }, "candidate with person-level fails")
        case .noVacancies: expect(vacancies.isEmpty, "vacancies exist: \(vacancies)")
        case .noSuitableVacancy(let count, let ownUnit, let level, let requirement, let town):
            expect(count == vacancies.count && ownUnit + level + requirement + town == count, "vacancy counts differ")
        case .vacancyTaken(let v, let other, let theirFit, let myFit, let theyAreDue, let iAmDue):
            expect(vacancies.contains(v), "\(v) is not a vacancy")
            expect(run.plan.placements.contains { $0.cadreID == other && $0.positionID == v && $0.phase == .transfer && $0.scoreHundredths == theirFit },
                   "\(v) not placed to \(other) in placements.csv")
            expect(theyAreDue == run.dueNotExempt.contains(other) && iAmDue == run.dueNotExempt.contains(me), "due status differs")
            if run.status == .optimal {
                // The cause: the plan puts the due first, then fills vacancies, then maximizes fit; a swap would not improve it.
                expect(!(iAmDue && !theyAreDue), "\(v) went to \(other), not due, over a due cadre: the plan is not optimal")
                expect(theyAreDue != iAmDue || theirFit >= myFit, "\(v) went to \(other) with a lower fit \(theirFit) < \(myFit)")
            }
        case .capBound(let v, let from, let to, let cap, let moved):
            let moves = run.plan.placements.filter { $0.fromUnitID == from && $0.toUnitID == to }
            expect(from == cadre.unitID && run.positionByID[v]?.unitID == to, "unit pair differs")
            expect(cap == run.transferSettings.maxPerUnitPair && moved == moves.map(\.cadreID), "moves \(from)→\(to) differ")
            expect(moves.count >= max(cap, moves.filter { $0.phase == .competition }.count), "cap of \(from)→\(to) not reached")
            expect(vacancies.contains(v), "\(v) is not a vacancy")
        case .vacancyLeftEmpty(let v):
            expect(run.status != .optimal, "\(v) said left empty in an optimal run")
        }
    }

    /// Offered positions not filled by competition.
    var vacancies: [PositionID] {
        let filled = Set(run.placements(.competition).map(\.positionID))
        return run.positions.filter { $0.offered && !filled.contains($0.id) }.map(\.id)
    }
}
