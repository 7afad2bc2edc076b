// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if os(Linux)
import Synchronization
#endif

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT while rotation writes: the old folder intact or the new one
/// complete, never neither, and no temporary left behind.
///
/// `install()` (called once by the CLI) sets one handler for the four signals. Outside a write the
/// handler ends the process at once with status 128 + the signal (nothing of rotation's is on disk
/// yet; SIGQUIT no longer reaches the runtime's crash reporter). During a write it only records the
/// signal: before the new folder is moved into place, the write stops at its next checkpoint,
/// removes its temporary folder and throws ``AtomicFolder/Failure/interrupted(signal:replaced:)``;
/// once the move has begun, the write completes first. The CLI then exits 128 + the signal.
///
/// ```swift
/// SignalGuard.install()   // first thing in main()
/// ```
///
/// For the fault suite (`make faults`), ``pauseAt`` names a step at which a write stops and waits
/// (up to a minute) for a signal, announcing `rotation: paused at STEP` on standard error.
public enum SignalGuard {
    /// The four signals handled.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The named steps of a folder write, in order, for ``pauseAt``.
    public enum Step: String, CaseIterable, Sendable {
        /// Before solving (`solve` calls `pause(.solving)`): no write has begun, a signal ends the command at once.
        case solving
        /// The target's parent is locked; nothing written yet.
        case locked
        /// The temporary folder exists, empty.
        case temporaryCreated = "temporary-created"
        /// The manifest and the first file are in the temporary folder.
        case fileWritten = "file-written"
        /// Every file is in the temporary folder, flushed to disk.
        case temporaryComplete = "temporary-complete"
        /// Without RENAME_EXCHANGE: the old folder renamed aside, the new one not yet in place.
        case oldAside = "old-aside"
        /// The new folder is in place; the old one not yet deleted.
        case exchanged
        /// Everything done; the lock not yet released.
        case done
    }

    /// A step at which writes pause (set by the hidden `--pause-at` option); nil in normal use.
    nonisolated(unsafe) public static var pauseAt: Step?

    /// Installs the handler for the four signals (idempotent).
    public static func install() {
        GuardWords.writers = 0
        GuardWords.pending = 0
        for signal in signals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = guardHandler
            #else
            action.__sigaction_u.__sa_handler = guardHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocking flock returns EINTR, and the write looks at it
            sigaction(signal, &action, nil)
        }
        installed = true
    }

    /// The signal recorded during the current write, or 0.
    static var pending: Int32 { GuardWords.pending }

    nonisolated(unsafe) static var installed = false

    /// For tests in one process: a signal taken as received when a write reaches `step`.
    nonisolated(unsafe) static var simulated: (step: Step, signal: Int32)?

    /// Runs `body` as a write: signals are recorded, not acted on.
    static func writing<T>(_ body: () throws -> T) rethrows -> T {
        if GuardWords.addWriter() == 1 { GuardWords.pending = 0 }
        defer { GuardWords.removeWriter() }
        return try body()
    }

    /// From here on the write completes whatever arrives: it passes no checkpoint until `afterCommit`.
    static func beginCommit() {}

    /// At a checkpoint before the commit: a recorded signal stops the write (the caller cleans up).
    static func checkpoint(_ step: Step) throws {
        pause(step)
        let signal = GuardWords.pending
        if signal != 0 { throw AtomicFolder.Failure.interrupted(signal: signal, replaced: false) }
    }

    /// After the commit: a signal recorded meanwhile ends the command now that the new folder is in place.
    static func afterCommit() throws {
        pause(.done)
        let signal = GuardWords.pending
        if signal != 0 { throw AtomicFolder.Failure.interrupted(signal: signal, replaced: true) }
    }

    /// Waits at `step` if the fault suite asked for it, until a signal is recorded (at most a minute).
    public static func pause(_ step: Step) {
        if let simulated, simulated.step == step { GuardWords.pending = simulated.signal }
        guard pauseAt == step else { return }
        FileHandle.standardError.write(Data("rotation: paused at \(step.rawValue) (pid \(getpid()))\n".utf8))
        for _ in 0..<6000 where GuardWords.pending == 0 { usleep(10_000) }
    }

    /// The name of a signal, for messages.
    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(signal)"
        }
    }
}

/// What the handler reads and writes: how many writes are under way, and the signal recorded.
/// Atomic words (lock-free, so safe in a signal handler; several threads may write at once).
enum GuardWords {
    #if os(Linux)
    private static let writerCount = Atomic<Int32>(0)
    private static let pendingSignal = Atomic<Int32>(0)

    static var writers: Int32 {
        get { writerCount.load(ordering: .sequentiallyConsistent) }
        set { writerCount.store(newValue, ordering: .sequentiallyConsistent) }
    }
    static var pending: Int32 {
        get { pendingSignal.load(ordering: .sequentiallyConsistent) }
        set { pendingSignal.store(newValue, ordering: .sequentiallyConsistent) }
    }
    @discardableResult static func addWriter() -> Int32 { writerCount.add(1, ordering: .sequentiallyConsistent).newValue }
    static func removeWriter() { writerCount.subtract(1, ordering: .sequentiallyConsistent) }
    /// In the handler: record the first signal.
    static func record(_ signal: Int32) { _ = pendingSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent) }
    #else
    nonisolated(unsafe) static var writers: Int32 = 0
    nonisolated(unsafe) static var pending: Int32 = 0
    @discardableResult static func addWriter() -> Int32 { writers += 1; return writers }
    static func removeWriter() { writers -= 1 }
    static func record(_ signal: Int32) { if pending == 0 { pending = signal } }
    #endif
}

/// The handler: async-signal-safe (two lock-free atomic words, or `_exit`).
private let guardHandler: @convention(c) (Int32) -> Void = { signal in
    if GuardWords.writers == 0 { _exit(128 + signal) }
    GuardWords.record(signal)
}
