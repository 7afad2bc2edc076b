// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import XCTest

/// The run folder's one writer and one reader agree: a run written and read back is the same run,
/// and written again it is the same bytes — for a final run, a pre-interview run, an infeasible
/// transfer, a run with a baseline, and a run with timings.
final class RunRoundTripTests: XCTestCase {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/fenghua-2017")

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A copy of the sample with `edit` applied to scenario.yaml and `remove` deleted.
    func scenario(_ name: String, yaml edit: (String) -> String = { $0 }, remove: [String] = []) throws -> URL {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.sample, to: target)
        let yaml = target.appendingPathComponent("scenario.yaml")
        try edit(try String(contentsOf: yaml, encoding: .utf8)).write(to: yaml, atomically: true, encoding: .utf8)
        for file in remove { try FileManager.default.removeItem(at: target.appendingPathComponent(file)) }
        return target
    }

    /// Writes the run, reads it back, and checks model and bytes; returns the run as read.
    @discardableResult
    func assertRoundTrip(_ run: Run, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let target = folder.appendingPathComponent("run-\(UUID().uuidString)")
        let files = RunFolder.files(of: run)
        try AtomicFolder.write(files.map { ($0.name, Array($0.contents.utf8)) }, to: target, kind: .run)
        var reread = try RunFolder.read(target)
        let again = RunFolder.files(of: reread)
        XCTAssertEqual(again.map(\.name), files.map(\.name), file: file, line: line)
        for (written, rewritten) in zip(files, again) {
            XCTAssertEqual(rewritten.contents, written.contents, "\(written.name) is written again byte for byte", file: file, line: line)
        }
        XCTAssertNil(reread.justifiedEnvy, "a run folder does not hold the passed applicants left off the lists", file: file, line: line)
        reread.justifiedEnvy = run.justifiedEnvy
        if let timings = run.audit.timings {
            // Seconds are written with 6 decimals: read back to within a microsecond.
            let back = try XCTUnwrap(reread.audit.timings, file: file, line: line)
            XCTAssertEqual(back.map(\.name), timings.map(\.name), file: file, line: line)
            for (x, y) in zip(back, timings) { XCTAssertEqual(x.seconds, y.seconds, accuracy: 1e-6, file: file, line: line) }
            reread.audit.timings = timings
        }
        XCTAssertEqual(reread, run, "read back, the run is the run that was written", file: file, line: line)
        return reread
    }

    func solve(_ scenario: URL, _ options: Pipeline.Options = Pipeline.Options()) throws -> Run {
        try Pipeline.solve(try Pipeline.load(scenario), options).run
    }

    func testFinalRunRoundTrips() throws {
        let run = try solve(Self.sample)
        XCTAssertEqual(run.status, .optimal)
        XCTAssertEqual(run.justifiedEnvy, 0)
        XCTAssertFalse(run.ties.isEmpty, "the sample has ties, whose deciding values come back from ties.csv")
        let reread = try assertRoundTrip(run)
        XCTAssertEqual(reread.ties.map(\.aboveValue), run.ties.map(\.aboveValue))
    }

    func testPreInterviewRunRoundTrips() throws {
        let run = try solve(try scenario("pre", remove: ["interviews.csv"]))
        XCTAssertEqual(run.stage, .preInterview)
        XCTAssertFalse(run.positionsAwaitingInterview.isEmpty)
        try assertRoundTrip(run)
    }

    func testInfeasibleTransferRoundTrips() throws {
        let run = try solve(try scenario("due", yaml: { $0.replacingOccurrences(of: "place_all_due: false", with: "place_all_due: true") }))
        XCTAssertEqual(run.status, .infeasible)
        XCTAssertEqual(ExitStatus(run.status), .infeasible)
        XCTAssertEqual(run.transfer.conflict?.reason, .hall)
        try assertRoundTrip(run)
    }

    func testBaselineTimingsAndStampRoundTrip() throws {
        let first = try solve(Self.sample)
        var options = Pipeline.Options(timeLimitSeconds: 30, mipGap: 0)
        options.baseline = first.plan
        options.recordTimings = true
        options.stamp = "SOURCE_DATE_EPOCH=0"
        let run = try solve(Self.sample, options)
        XCTAssertEqual(run.persistence?.kept, run.persistence?.baselinePairs)
        XCTAssertNotNil(run.audit.timings)
        XCTAssertEqual(run.audit.timeLimitSeconds, 30)
        let reread = try assertRoundTrip(run)
        XCTAssertEqual(reread.audit.stamp, "SOURCE_DATE_EPOCH=0")
    }

    func testPreferencesModeRoundTrips() throws {
        let run = try solve(try scenario("pref", yaml: { $0.replacingOccurrences(of: "mode: competition", with: "mode: preferences") }))
        XCTAssertNotNil(run.positionsCompetedWithoutEnvy)
        XCTAssertGreaterThanOrEqual(run.positionsCompetedWithoutEnvy ?? 0, run.value(of: .shortlistPositionsCompeted) ?? 0)
        try assertRoundTrip(run)
    }

    /// The one mapping of failures to exit codes.
    func testFailuresMapToTheirExitCodes() throws {
        let broken = try scenario("broken", yaml: { $0.replacingOccurrences(of: "reference_date: 2017-10", with: "reference_date: 2017-13") })
        XCTAssertThrowsError(try Pipeline.load(broken)) { error in
            guard let failure = error as? PipelineFailure, case .input = failure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.exitStatus, .badInput)
            XCTAssertTrue(failure.description.contains("nothing was written"), failure.description)
        }
        XCTAssertThrowsError(try Pipeline.run(at: folder.path)) { error in
            XCTAssertEqual((error as? PipelineFailure)?.exitStatus, .badInput)
        }
        XCTAssertEqual(PipelineFailure.timeLimitWithoutSolution("x").exitStatus, .timeLimit)
        XCTAssertEqual(PipelineFailure.internalError("x").exitStatus, .internalError)
        XCTAssertEqual(ExitStatus(RunStatus.optimal), .done)
        XCTAssertEqual(ExitStatus(RunStatus.withinGap), .done)
        XCTAssertEqual(ExitStatus(RunStatus.timeLimit), .timeLimit)
        XCTAssertEqual(ExitStatus.allCases.map(\.rawValue), [0, 1, 2, 3, 4, 5, 6, 7], "each documented code once")
    }
}
