// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Temporaries left by a rotation that was killed (SIGKILL, a power cut) in the middle of a write.
///
/// Every temporary is named `.BASE.tmp-PID-RANDOM` (or `.BASE.old-PID-RANDOM` for an old folder
/// moved aside) beside the target `BASE`. Under the lock of the parent folder no other rotation is
/// writing there, so a temporary whose process is gone is a leftover. It is removed only if it is
/// provably rotation's: a folder whose `.rotation-manifest.json` (written first) is of the expected
/// kind and that holds nothing but files it lists, deleted file by file; or a plain file beside
/// an exported file. Anything else stays.
///
/// ```swift
/// Leftovers.clean(in: URL(fileURLWithPath: "RUN"), base: "fenghua-2017", kind: .run)
/// ```
///
/// - Complexity: O(e + f) for e entries in the parent folder and f files in the leftovers.
enum Leftovers {
    /// A fresh temporary name for `base`.
    static func name(base: String, tag: String) -> String {
        ".\(base).\(tag)-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// The process id in a temporary name of `base`, or nil if the name is not one.
    static func processID(in entry: String, base: String) -> Int32? {
        for tag in ["tmp", "old"] {
            let prefix = ".\(base).\(tag)-"
            guard entry.hasPrefix(prefix) else { continue }
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                  !rest[rest.index(after: dash)...].isEmpty else { return nil }
            return pid
        }
        return nil
    }

    /// Whether a process with this id is running (a process of another user counts as running).
    static func isAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes the leftovers of `base` in `parent`: folders of `kind` (`kind` given) or plain files
    /// (`kind` nil). Returns the paths removed. Call it with the parent locked.
    @discardableResult
    static func clean(in parent: URL, base: String, kind: FolderKind?) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() {
            guard let pid = processID(in: entry, base: base), !isAlive(pid) else { continue }
            let url = parent.appendingPathComponent(entry)
            switch (try? FileSystemEntry.at(url.path), kind) {
            case (.folder?, let kind?):
                guard case .ours(let files, let folders)? = try? FolderOwnership.judge(url, as: kind) else { continue }
                if Calls.removeExactly(url, files: files, folders: folders) { removed.append(url.path) }
            case (.file?, nil):
                if Calls.unlink(url) { removed.append(url.path) }
            default:
                continue
            }
        }
        return removed
    }
}
