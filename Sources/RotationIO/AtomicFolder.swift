// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Writes a folder all at once: into a temporary folder beside the target, renamed into place only
/// when every file is written. A reader never sees a half-written run.
///
/// ```swift
/// try AtomicFolder.write([("result.json", text)], to: URL(fileURLWithPath: "RUN"))
/// ```
public enum AtomicFolder {
    public enum Failure: Error, CustomStringConvertible {
        /// The target exists and is not a folder this tool wrote.
        case refusingToReplace(String)
        case io(String)

        public var description: String {
            switch self {
            case .refusingToReplace(let path):
                return "\(path) exists and is not a run folder written by rotation; choose another --out or remove it"
            case .io(let message): return message
            }
        }
    }

    /// Marker file that identifies a folder this tool wrote (and may replace).
    public static let marker = "result.json"

    /// Writes `files` (name → UTF-8 text or bytes) as the folder `target`, replacing an earlier run folder.
    public static func write(_ files: [(name: String, contents: [UInt8])], to target: URL, replaceable: (URL) -> Bool = isRunFolder) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let base = target.lastPathComponent
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !(isDirectory.boolValue && replaceable(target)) {
            throw Failure.refusingToReplace(target.path)
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(base).tmp-\(pid)")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files {
                let url = temporary.appendingPathComponent(file.name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure.io("cannot write \(temporary.path): \(error.localizedDescription)")
        }
        // Move the old run aside, the new one in, then delete the old.
        let previous = parent.appendingPathComponent(".\(base).old-\(pid)")
        if exists {
            do { try manager.moveItem(at: target, to: previous) } catch {
                try? manager.removeItem(at: temporary)
                throw Failure.io("cannot replace \(target.path): \(error.localizedDescription)")
            }
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if exists { try? manager.moveItem(at: previous, to: target) }
            try? manager.removeItem(at: temporary)
            throw Failure.io("cannot move the new run into \(target.path): \(reason)")
        }
        if exists { try? manager.removeItem(at: previous) }
    }

    /// Writes one file atomically (temporary file in the same folder, then rename).
    public static func writeFile(_ contents: [UInt8], to target: URL) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        try? manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(contents).write(to: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure.io("cannot write \(target.path): \(error.localizedDescription)")
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw Failure.io("cannot write \(target.path): \(reason)")
        }
    }

    /// A folder is a replaceable run folder when it holds result.json, or is empty.
    public static func isRunFolder(_ url: URL) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.appendingPathComponent(marker).path) { return true }
        return ((try? manager.contentsOfDirectory(atPath: url.path)) ?? ["x"]).isEmpty
    }
}
