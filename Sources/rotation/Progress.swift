// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// The one updating line `solve` shows on standard error while it runs, when standard error is a
/// terminal (nothing otherwise, so run folders, logs and pipes stay byte-identical). Shown once a
/// solve has run for `quietSeconds`, redrawn at most every `interval`, erased at the end.
///
/// ```swift
/// let line = ProgressLine(language: .zh)
/// options.progress = line?.show          // nil when stderr is not a terminal
/// defer { line?.finish() }
/// ```
final class ProgressLine: @unchecked Sendable {
    static let quietSeconds = 1.0
    static let interval = 0.2

    private let language: Language
    private let lock = NSLock()
    private var lastDrawn = -Double.infinity
    private var drawn = false

    /// A progress line, or nil when standard error is not a terminal.
    init?(language: Language, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        guard isTerminal else { return nil }
        self.language = language
    }

    /// Redraws the line for `progress` (throttled).
    @Sendable func show(_ progress: SolveProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard progress.seconds >= Self.quietSeconds, progress.seconds - lastDrawn >= Self.interval else { return }
        lastDrawn = progress.seconds
        drawn = true
        let text = ProgressTexts.solving(phase: progress.phase, component: progress.component, components: progress.components,
                                         level: progress.level, gapPercent: progress.gap.map { String(format: "%.2f", $0 * 100) },
                                         seconds: Int(progress.seconds)).text(language)
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    /// Erases the line (if it was ever drawn).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
