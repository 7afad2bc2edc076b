// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

/// Why the pipeline produced no run, with the exit code each cause maps to — the one mapping of
/// failures to exit codes.
public enum PipelineFailure: Error, CustomStringConvertible, Sendable {
    /// The scenario has input problems (all of them, sorted).
    case input(InputErrors, folder: String)
    /// A folder that is neither a run nor a scenario, or a damaged run folder.
    case notARun(Text)
    /// The time limit ran out before any plan existed (nothing to write).
    case timeLimitWithoutSolution(String)
    /// A bug: GLPK failed, the solvers disagree, or the plan failed its re-check.
    case internalError(String)
    /// The model would need more memory than the budget (`MemoryEstimate`): nothing built or written.
    case memoryBudget(GuardTexts)

    public var exitStatus: ExitStatus {
        switch self {
        case .input, .notARun: return .badInput
        case .timeLimitWithoutSolution: return .timeLimit
        case .internalError: return .internalError
        case .memoryBudget: return .memoryBudget
        }
    }

    public var description: String { rendered(.en) }

    /// The failure in `language` (an internal error's detail is for a developer and stays in English).
    public func rendered(_ language: Language) -> String {
        switch self {
        case let .input(errors, folder):
            let count = errors.problems.filter { $0.severity == .error }.count
            return "\(errors.rendered(language))\n" + InputTexts.closing(count: count, folder: folder)(language)
        case .notARun(let text): return text(language)
        case .timeLimitWithoutSolution(let message):
            return language == .zh ? TerminalTexts.timeLimitWithoutSolution(language) : "\(message); nothing written"
        case .internalError(let message):
            // The detail is for whoever fixes the bug; the sentence around it is the user's.
            return TerminalTexts.internalError(language) + "\n" + message
        case .memoryBudget(let text): return text.text(language)
        }
    }
}
