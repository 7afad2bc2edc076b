// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// Writes folders and files all at once, and never deletes or overwrites what rotation did not write.
///
/// A folder is written into a temporary sibling, then swapped into place: with Linux's
/// `renameat2(RENAME_EXCHANGE)` a reader sees either the old folder or the new one at every
/// instant, never half of one (elsewhere, two renames). Every folder rotation writes carries
/// `.rotation-manifest.json` (`FolderManifest`): its kind and the exact list of its files. An
/// existing folder is replaced only when it is empty, or when its manifest is of the same kind and
/// it holds nothing but the files listed there; the old folder is then deleted file by file, by
/// name, never recursively.
///
/// ```swift
/// try AtomicFolder.write([("result.json", bytes)], to: URL(fileURLWithPath: "RUN"), kind: .run)
/// ```
public enum AtomicFolder {
    /// What stands in the way of a write. `refused` is a usage error (exit 2): the target is not
    /// rotation's to replace, and nothing was changed. `io` is a failed read or write (disk full,
    /// permissions): nothing was changed either, unless the message says where something was left.
    public enum Failure: Error, CustomStringConvertible, Equatable, Sendable {
        case refused(path: String, reason: Refusal)
        /// What failed, in both languages (`FolderTexts`), the system's reason inside.
        case io(path: String, text: FolderTexts)
        /// A signal stopped the command during a write: `replaced` false, the old folder (or file) is
        /// unchanged and the temporary one removed; true, the new one was completely in place first.
        case interrupted(signal: Int32, replaced: Bool)

        public var isRefusal: Bool {
            if case .refused = self { return true }
            return false
        }

        /// The failure in English (tests and logs); users get `rendered(_:)`.
        public var description: String { rendered(.en) }

        /// The failure in `language`.
        public var text: Text {
            switch self {
            case .refused(let path, let reason): return reason.text(path).text
            case .io(_, let text): return text.text
            case let .interrupted(signal, replaced):
                return GuardTexts.interrupted(signal: SignalGuard.name(signal), kept: !replaced).text
            }
        }

        /// The failure in `language`.
        public func rendered(_ language: Language) -> String { text(language) }
    }

    /// What the target was meant to be, for the advice in a refusal.
    public enum Target: Equatable, Sendable {
        /// A folder of this kind, replacing an earlier one of rotation's.
        case folder(FolderKind)
        /// A new folder (`rotation init`): only a missing or empty folder will do.
        case newFolder
        /// A single exported file.
        case file

        var advice: FolderTexts.Advice {
            switch self {
            case .folder(let kind): return .folder(kind.catalogue)
            case .newFolder: return .newFolder
            case .file: return .file
            }
        }
    }

    /// Why a target was refused.
    public enum Refusal: Equatable, Sendable {
        /// The folder holds these entries (relative paths, sorted; a folder ends in "/") that rotation did not write.
        case foreignFiles([String], hasManifest: Bool, target: Target)
        /// The folder is rotation's, but of another kind (a models folder given as `--out`).
        case otherKind(found: FolderKind, target: Target)
        /// The folder has a `.rotation-manifest.json` that is not one rotation wrote.
        case unreadableManifest(FolderManifest.ManifestProblem, target: Target)
        /// The target exists and is a file (or a device), not a folder.
        case notAFolder(target: Target)
        /// The target is a symbolic link: rotation replaces neither the link nor what it points to.
        case symbolicLink(target: Target)
        /// A single file was to be written where a folder is.
        case isFolder
        /// The file is a device, socket or fifo.
        case notAFile
        /// The file belongs to a folder rotation wrote (listed in its manifest, or the manifest itself).
        case partOfFolder(folder: String, kind: FolderKind?)
        /// The file is an input of a scenario folder (beside scenario.yaml).
        case partOfScenario(folder: String)

        /// The refusal of `path`, as the catalogue words it.
        func text(_ path: String) -> FolderTexts {
            switch self {
            case let .foreignFiles(names, hasManifest, target):
                return .foreignFiles(path, names: names, manifest: hasManifest, advice: target.advice)
            case let .otherKind(found, target): return .otherKind(path, found: found.catalogue, advice: target.advice)
            case let .unreadableManifest(problem, target): return .unreadableManifest(path, problem: problem.problem, advice: target.advice)
            case .notAFolder(let target): return .notAFolder(path, advice: target.advice)
            case .symbolicLink(let target): return .symbolicLink(path, advice: target.advice)
            case .isFolder: return .isFolder(path)
            case .notAFile: return .notAFile(path)
            case let .partOfFolder(folder, kind): return .partOfFolder(path, folder: folder, kind: kind?.catalogue)
            case .partOfScenario(let folder): return .partOfScenario(path, folder: folder)
            }
        }
    }

    /// Writes `files` (relative paths → bytes) and their manifest as the folder `target`.
    ///
    /// A missing target is created (with its parents). An existing one is replaced only if it is
    /// empty or a folder of the same `kind` that holds only what rotation wrote; otherwise
    /// `Failure.refused` and nothing changes.
    public static func write(_ files: [(name: String, contents: [UInt8])], to target: URL, kind: FolderKind) throws {
        try write(files, to: target, kind: kind, exchange: true)
    }

    /// As `write(_:to:kind:)`; `exchange: false` forces the two-rename fallback (for tests).
    static func write(_ files: [(name: String, contents: [UInt8])], to target: URL, kind: FolderKind, exchange: Bool) throws {
        try checkNames(files.map(\.name), at: target)
        let manifest = FolderManifest(kind: kind, files: files.map(\.name))
        // The manifest first: a temporary folder left by a killed process then says what it may hold.
        try place([(name: FolderManifest.fileName, contents: manifest.rendered())] + files, at: target,
                  policy: .replace(kind), exchange: exchange)
    }

    /// Creates the folder `target` holding `files` (no manifest: the folder is the user's from now
    /// on). The target must be missing or an empty folder; anything else is refused.
    public static func create(_ files: [(name: String, contents: [UInt8])], at target: URL) throws {
        try checkNames(files.map(\.name), at: target)
        try place(files, at: target, policy: .createOnly, exchange: true)
    }

    /// Checks, without writing anything, that `write(_:to:kind:)` would accept `target`: call it for
    /// every output before writing the first, so that a refusal leaves nothing half done.
    public static func check(_ target: URL, kind: FolderKind) throws {
        _ = try assess(target, policy: .replace(kind))
    }

    /// Writes one file atomically (a temporary file beside it, then a rename).
    ///
    /// An ordinary file is overwritten (re-exporting `report.html`). Refused: a folder, a symbolic
    /// link, a file listed in the manifest of the folder rotation wrote around it (or the manifest),
    /// and an existing scenario.yaml, *.csv or *.xlsx beside a scenario.yaml.
    public static func writeFile(_ contents: [UInt8], to target: URL) throws {
        let target = target.standardizedFileURL
        let path = target.path
        let name = target.lastPathComponent
        let parent = target.deletingLastPathComponent()
        let existing = try FileSystemEntry.at(path)
        switch existing {
        case .symbolicLink: throw Failure.refused(path: path, reason: .symbolicLink(target: .file))
        case .folder: throw Failure.refused(path: path, reason: .isFolder)
        case .other: throw Failure.refused(path: path, reason: .notAFile)
        case .file, .missing: break
        }
        if name == FolderManifest.fileName {
            throw Failure.refused(path: path, reason: .partOfFolder(folder: parent.path, kind: nil))
        }
        // A folder rotation wrote, around the file (its parent, or further up for a nested name).
        var folder = parent
        var relative = name
        while true {
            let manifestURL = folder.appendingPathComponent(FolderManifest.fileName)
            if case .file = try FileSystemEntry.at(manifestURL.path),
               let bytes = try? Data(contentsOf: manifestURL), case .success(let manifest) = FolderManifest.parse(Array(bytes)),
               manifest.files.contains(relative) {
                throw Failure.refused(path: path, reason: .partOfFolder(folder: folder.path, kind: manifest.kind))
            }
            let up = folder.deletingLastPathComponent()
            if up.path == folder.path || folder.path == "/" { break }
            relative = folder.lastPathComponent + "/" + relative
            folder = up
        }
        if case .file = existing, try FileSystemEntry.at(parent.appendingPathComponent(ScenarioFiles.yaml).path) != .missing {
            let lower = name.lowercased()
            if lower == ScenarioFiles.yaml || [".csv", ".xlsx", ".xls"].contains(where: { lower.hasSuffix($0) }) {
                throw Failure.refused(path: path, reason: .partOfScenario(folder: parent.path))
            }
        }
        try Calls.makeFolders(parent)
        try SignalGuard.writing {
            let lock = try Calls.lock(parent)
            defer { Calls.unlock(lock) }
            Leftovers.clean(in: parent, base: name, kind: nil)
            let temporary = try Calls.createUnique(in: parent, base: name) { url in
                Calls.createFile(url)
            }
            do {
                try Calls.fill(temporary, with: contents)
                try SignalGuard.checkpoint(.temporaryComplete)
            } catch {
                _ = Calls.unlink(temporary)
                throw error
            }
            SignalGuard.beginCommit()
            if !Calls.rename(temporary, target) {
                let reason = FolderTexts.SystemReason.current()
                _ = Calls.unlink(temporary)
                throw Failure.io(path: path, text: .cannotWrite(path, reason))
            }
            Calls.syncFolder(parent)
            try SignalGuard.afterCommit()
        }
    }

    // MARK: Placing a folder

    enum Policy {
        case replace(FolderKind)
        case createOnly

        var target: Target {
            switch self {
            case .replace(let kind): return .folder(kind)
            case .createOnly: return .newFolder
            }
        }
    }

    /// Names must be relative paths inside the folder, distinct, and not the manifest's.
    static func checkNames(_ names: [String], at target: URL) throws {
        var seen = Set<String>()
        for name in names {
            guard FolderManifest.isSafeName(name), name != FolderManifest.fileName, seen.insert(name).inserted else {
                throw Failure.io(path: target.path, text: .badFileName(target.path, name: name))
            }
        }
    }

    /// What is at `url` now: nil when nothing is; the folder's ownership when it may be replaced.
    /// Refusals name `shownAs` (the target, even while the folder sits under a temporary name).
    static func assess(_ url: URL, policy: Policy, shownAs: String? = nil) throws -> FolderOwnership? {
        let shown = shownAs ?? url.path
        switch try FileSystemEntry.at(url.path) {
        case .missing: return nil
        case .symbolicLink: throw Failure.refused(path: shown, reason: .symbolicLink(target: policy.target))
        case .file, .other: throw Failure.refused(path: shown, reason: .notAFolder(target: policy.target))
        case .folder: break
        }
        switch policy {
        case .replace(let kind):
            let ownership = try FolderOwnership.judge(url, as: kind)
            if case .refused(let reason) = ownership { throw Failure.refused(path: shown, reason: reason) }
            return ownership
        case .createOnly:
            let names = try FolderOwnership.entries(of: url)
            if names.isEmpty { return .empty }
            throw Failure.refused(path: shown, reason: .foreignFiles(names.sorted(), hasManifest: false, target: .newFolder))
        }
    }

    /// Writes `files` into a new temporary sibling of `target`, then moves it into place — under a
    /// lock on the parent folder, after removing what killed writers left there, with signals
    /// deferred (``SignalGuard``) and a checkpoint between steps.
    static func place(_ files: [(name: String, contents: [UInt8])], at target: URL, policy: Policy, exchange: Bool) throws {
        let target = target.standardizedFileURL
        _ = try assess(target, policy: policy)
        let parent = target.deletingLastPathComponent()
        try Calls.makeFolders(parent)
        try SignalGuard.writing {
            let lock = try Calls.lock(parent)
            defer { Calls.unlock(lock) }
            try SignalGuard.checkpoint(.locked)
            // Judged again under the lock: another rotation may have written it meanwhile.
            let existing = try assess(target, policy: policy)
            try checkRemovable(target, existing)
            if case .replace(let kind) = policy { Leftovers.clean(in: parent, base: target.lastPathComponent, kind: kind) }
            let temporary = try Calls.createUnique(in: parent, base: target.lastPathComponent) { Calls.createFolder($0) }
            let written = files.map(\.name)
            let writtenFolders = FolderOwnership.ancestors(of: written).sorted { $0.count > $1.count }
            do {
                try SignalGuard.checkpoint(.temporaryCreated)
                var made = Set<String>()
                for (index, file) in files.enumerated() {
                    var parts = file.name.split(separator: "/").map(String.init)
                    parts.removeLast()
                    var prefix = ""
                    for part in parts {
                        prefix = prefix.isEmpty ? part : prefix + "/" + part
                        if made.insert(prefix).inserted {
                            try Calls.makeFolder(temporary.appendingPathComponent(prefix))
                        }
                    }
                    let url = temporary.appendingPathComponent(file.name)
                    if !Calls.createFile(url) {
                        throw Failure.io(path: url.path, text: .cannotWrite(url.path, .current()))
                    }
                    try Calls.fill(url, with: file.contents)
                    if index == min(1, files.count - 1) || SignalGuard.pending != 0 { try SignalGuard.checkpoint(.fileWritten) }
                }
                for folder in writtenFolders { Calls.syncFolder(temporary.appendingPathComponent(folder)) }
                Calls.syncFolder(temporary)
                try SignalGuard.checkpoint(.temporaryComplete)
            } catch {
                _ = Calls.removeExactly(temporary, files: written, folders: writtenFolders)
                throw error
            }
            SignalGuard.beginCommit()
            do {
                try commit(temporary, to: target, existing: existing, policy: policy, exchange: exchange)
            } catch let stranded as Stranded {
                throw stranded.failure
            } catch {
                // The new folder is still at `temporary` (commit puts it back there whenever it fails).
                _ = Calls.removeExactly(temporary, files: written, folders: writtenFolders)
                throw error
            }
            Calls.syncFolder(parent)
            try SignalGuard.afterCommit()
        }
    }

    /// The old folder's files can be deleted once it is replaced (its folders are writable), so that a
    /// read-only run folder is refused before anything is written instead of being left aside.
    static func checkRemovable(_ target: URL, _ existing: FolderOwnership?) throws {
        guard case .ours(_, let folders)? = existing else { return }
        for folder in [target] + folders.map({ target.appendingPathComponent($0) }) where access(folder.path, W_OK) != 0 {
            throw Failure.io(path: folder.path, text: .readOnly(target: target.path, folder: folder.path, .current()))
        }
    }

    /// Moves the complete folder `temporary` to `target`. On failure the new folder is at
    /// `temporary` again and the old one, if any, at `target` (or else `Stranded` is thrown).
    static func commit(_ temporary: URL, to target: URL, existing: FolderOwnership?, policy: Policy, exchange: Bool) throws {
        if existing == nil {
            switch exchange ? Calls.renameNoReplace(temporary, target) : .unsupported {
            case .done: return
            case .failed(let reason):
                throw Failure.io(path: target.path, text: .cannotMoveIn(target.path, reason))
            case .exists:
                break  // created meanwhile: judge it below
            case .unsupported:
                // rename(2) replaces an empty folder, and fails on anything else.
                if Calls.rename(temporary, target) { return }
                guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR || errno == EISDIR else {
                    throw Failure.io(path: target.path, text: .cannotMoveIn(target.path, .current()))
                }
            }
            _ = try assess(target, policy: policy)
        }
        if exchange {
            switch Calls.exchange(temporary, target) {
            case .done:
                // The old folder is now at `temporary`: judge it again (it may have changed since),
                // then delete exactly what rotation wrote in it.
                SignalGuard.pause(.exchanged)
                let old: FolderOwnership?
                do {
                    old = try assess(temporary, policy: policy, shownAs: target.path)
                } catch {
                    if case .done = Calls.exchange(temporary, target) { throw error }
                    // The user's folder is at `temporary`: it must not be cleaned up as ours.
                    throw Stranded(failure: .io(path: target.path, text: .movedAside(problem: Failure.text(of: error), target: target.path, now: temporary.path)))
                }
                discard(temporary, old)
                return
            case .failed(let reason):
                throw Failure.io(path: target.path, text: .cannotReplace(target.path, reason))
            case .exists, .unsupported:
                break
            }
        }
        // Two renames: the old folder aside, the new one in (for an instant, nothing is at target).
        let aside = try Calls.unusedName(in: target.deletingLastPathComponent(), base: target.lastPathComponent, tag: "old")
        if !Calls.rename(target, aside) {
            throw Failure.io(path: target.path, text: .cannotReplace(target.path, .current()))
        }
        SignalGuard.pause(.oldAside)
        if !Calls.rename(temporary, target) {
            let reason = FolderTexts.SystemReason.current()
            if !Calls.rename(aside, target) {
                throw Failure.io(path: target.path, text: .oldLeftAside(target.path, reason, aside: aside.path))
            }
            throw Failure.io(path: target.path, text: .cannotMoveIn(target.path, reason))
        }
        let old: FolderOwnership?
        do {
            old = try assess(aside, policy: policy, shownAs: target.path)
        } catch {
            if Calls.rename(target, temporary) && Calls.rename(aside, target) { throw error }
            throw Failure.io(path: target.path, text: .movedAside(problem: Failure.text(of: error), target: target.path, now: aside.path))
        }
        SignalGuard.pause(.exchanged)
        discard(aside, old)
    }

    /// A failure after which `temporary` no longer holds the new folder: no clean-up.
    struct Stranded: Error {
        let failure: Failure
    }

    /// Deletes an old folder known to be entirely rotation's (or empty), entry by entry. Whatever
    /// appeared in it meanwhile stays, with the folder, under its hidden temporary name.
    static func discard(_ folder: URL, _ ownership: FolderOwnership?) {
        switch ownership {
        case .ours(let files, let folders)?: _ = Calls.removeExactly(folder, files: files, folders: folders)
        case .empty?: _ = Calls.removeExactly(folder, files: [], folders: [])
        case .refused?, nil: break
        }
    }
}
