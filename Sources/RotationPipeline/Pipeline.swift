// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore
import RotationIO
import RotationSolver

/// The one way from a scenario to a run: load → adjudicate → optimize → re-check → run model.
/// `solve`, `explain`, `compare` and `export` of a scenario all go through it, so they agree.
///
/// ```swift
/// let loaded = try Pipeline.load(URL(fileURLWithPath: "scenarios/fenghua-2017"))
/// let solved = try Pipeline.solve(loaded, Pipeline.Options())
/// solved.run.status   // .optimal
/// ```
public enum Pipeline {
    /// How to solve: limits (nil: the scenario's `solver:` settings) and what to record.
    public struct Options: Sendable {
        public var timeLimitSeconds: Double?
        public var mipGap: Double?
        /// An earlier run's plan: among optimal plans, keep as many of its pairs as possible.
        public var baseline: Plan?
        /// Keep every model as solved (for `--export-model`).
        public var keepModels = false
        /// Record per-phase timings in the audit (the run is then not byte-for-byte reproducible).
        public var recordTimings = false
        /// `--now` / SOURCE_DATE_EPOCH text to record, if any.
        public var stamp: String?
        /// Told where the solve is before every model (a progress display); never changes the run.
        public var progress: (@Sendable (SolveProgress) -> Void)?
        /// The memory the models may take, in bytes (nil: `MemoryEstimate.defaultBudget()`).
        public var memoryBudget: Int?
        /// When the run began (the command's start, before reading the input): the time limit counts
        /// from there. Nil: from the start of the solve.
        public var started: Date?
        public init(timeLimitSeconds: Double? = nil, mipGap: Double? = nil) {
            self.timeLimitSeconds = timeLimitSeconds
            self.mipGap = mipGap
        }
    }

    /// A solved scenario: the run model, and what it was made from.
    public struct Solved: Sendable {
        public var loaded: LoadedScenario
        public var adjudication: Adjudication
        public var run: Run
        /// Every model as solved (with `keepModels`), in solve order.
        public var models: [(name: String, model: LinearModel)]
        /// GLPK's log of every call.
        public var glpkLog: String
    }

    /// Reads and validates a scenario folder.
    public static func load(_ folder: URL) throws(PipelineFailure) -> LoadedScenario {
        do {
            return try ScenarioLoader.load(folder: folder)
        } catch let errors as InputErrors {
            throw .input(errors, folder: folder.path)
        } catch {
            throw .internalError("reading \(folder.path): \(error)")
        }
    }

    /// Adjudicates, optimizes and re-checks a loaded scenario into a run.
    public static func solve(_ loaded: LoadedScenario, _ options: Options) throws(PipelineFailure) -> Solved {
        let timeLimit = options.timeLimitSeconds ?? loaded.scenario.solver.timeLimitSeconds
        let mipGap = options.mipGap ?? loaded.scenario.solver.mipGap
        let adjudication = Adjudication(scenario: loaded.scenario)
        try MemoryEstimate(adjudication).check(budget: options.memoryBudget ?? MemoryEstimate.defaultBudget())  // before any model
        let report: SolveReport
        do {
            var solveOptions = SolveOptions(timeLimitSeconds: timeLimit, mipGap: mipGap, keepModels: options.keepModels)
            solveOptions.started = options.started
            var optimizer = RotationOptimizer(options: solveOptions)
            optimizer.progress = options.progress
            report = try optimizer.solve(adjudication, baseline: options.baseline)
        } catch SolverFailure.timeLimitWithoutSolution(let message) {
            throw .timeLimitWithoutSolution(message)
        } catch let failure as SolverFailure {
            throw .internalError(failure.description)
        } catch let failure as GLPKError {
            throw .internalError("GLPK failed: \(failure)")
        } catch {
            throw .internalError("\(error)")
        }
        let assembly = RunAssembly(loaded: loaded, adjudication: adjudication, report: report, timeLimitSeconds: timeLimit,
                                   mipGap: mipGap, recordTimings: options.recordTimings, stamp: options.stamp)
        return Solved(loaded: loaded, adjudication: adjudication, run: assembly.run(), models: report.models, glpkLog: report.glpkLog)
    }

    /// A run from a folder: a run folder is read; a scenario folder is solved here, nothing written.
    ///
    /// ```swift
    /// let before = try Pipeline.run(at: "RUN/before")              // read
    /// let after = try Pipeline.run(at: "scenarios/fenghua-2017")   // solved in memory
    /// ```
    public static func run(at path: String, _ options: Options = Options()) throws(PipelineFailure) -> LoadedRun {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .notARun(RunFolderTexts.noSuchFolder(path).text)
        }
        guard isDirectory.boolValue else {
            throw .notARun(RunFolderTexts.notAFolder(path).text)
        }
        if RunFolder.isRun(url) {
            do {
                return LoadedRun(path: path, run: try RunFolder.read(url), solvedFromScenario: false, warnings: [])
            } catch let error as RunFolder.ReadError {
                throw .notARun(error.text)
            } catch {
                throw .notARun(RunFolderTexts.unreadable(path, detail: "\(error)").text)
            }
        }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent(ScenarioFiles.yaml).path) else {
            throw .notARun(RunFolderTexts.neitherRunNorScenario(path).text)
        }
        let loaded = try load(url)
        let solved = try solve(loaded, options)
        var result = LoadedRun(path: path, run: solved.run, solvedFromScenario: true, warnings: loaded.warnings)
        result.scenario = loaded.scenario
        return result
    }
}
