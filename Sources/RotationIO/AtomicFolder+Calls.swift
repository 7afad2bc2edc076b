// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// The system calls behind `AtomicFolder`, in one place (their names clash with its methods).
enum Calls {
    enum Outcome {
        case done
        case exists
        case unsupported
        case failed(FolderTexts.SystemReason)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    static func rename(_ from: URL, _ to: URL) -> Bool {
        Foundation.rename(from.path, to.path) == 0
    }

    /// `renameat2(from, to, flags)`, looked up at run time: glibc ≥ 2.28 has it, Swift's Glibc module
    /// does not declare it, and `syscall(2)` is variadic (not callable from Swift).
    static func renameat2(_ from: URL, _ to: URL, flags: UInt32) -> Outcome {
        #if os(Linux)
        typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return .unsupported }
        let function = unsafeBitCast(symbol, to: Function.self)
        if function(AT_FDCWD, from.path, AT_FDCWD, to.path, flags) == 0 { return .done }
        switch errno {
        case EEXIST: return .exists
        case EINVAL, ENOSYS, ENOTSUP: return .unsupported  // a file system or kernel without the flag
        default: return .failed(.current())
        }
        #else
        return .unsupported
        #endif
    }

    /// Atomically swaps two existing paths (Linux `RENAME_EXCHANGE`).
    static func exchange(_ a: URL, _ b: URL) -> Outcome { renameat2(a, b, flags: 2) }

    /// Renames only if nothing is at `to` (Linux `RENAME_NOREPLACE`).
    static func renameNoReplace(_ from: URL, _ to: URL) -> Outcome { renameat2(from, to, flags: 1) }

    static func createFolder(_ url: URL) -> Bool { mkdir(url.path, 0o777) == 0 }

    static func createFile(_ url: URL) -> Bool {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    static func makeFolder(_ url: URL) throws {
        if !createFolder(url) {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotCreate(url.path, .current()))
        }
    }

    /// Creates the folder `url` and its missing parents (`mkdir -p`); a failure names `url` and the
    /// system's reason (`ENOTDIR` when a file stands where a folder should be).
    static func makeFolders(_ url: URL) throws {
        let url = url.standardizedFileURL
        var missing: [URL] = []
        var current = url
        while true {
            var status = stat()
            if stat(current.path, &status) == 0 { break }
            guard errno == ENOENT else { throw AtomicFolder.Failure.io(path: url.path, text: .cannotCreate(url.path, .current())) }
            missing.append(current)
            let up = current.deletingLastPathComponent()
            if up.path == current.path { break }
            current = up
        }
        for folder in missing.reversed() where !createFolder(folder) && errno != EEXIST {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotCreate(url.path, .current()))
        }
    }

    /// A name `.BASE.TAG-PID-RANDOM` beside `base` that nothing has.
    static func unusedName(in parent: URL, base: String, tag: String) throws -> URL {
        for _ in 0..<100 {
            let candidate = parent.appendingPathComponent(Leftovers.name(base: base, tag: tag))
            if try FileSystemEntry.at(candidate.path) == .missing { return candidate }
        }
        throw AtomicFolder.Failure.io(path: parent.path, text: .noTemporaryName(parent.path))
    }

    /// Creates (exclusively) a new hidden sibling `.BASE.tmp-PID-RANDOM` with `make`.
    static func createUnique(in parent: URL, base: String, _ make: (URL) -> Bool) throws -> URL {
        for _ in 0..<100 {
            let candidate = parent.appendingPathComponent(Leftovers.name(base: base, tag: "tmp"))
            if make(candidate) { return candidate }
            if errno != EEXIST { break }
        }
        throw AtomicFolder.Failure.io(path: parent.path, text: .cannotWrite(parent.path, .current()))
    }

    /// Writes `bytes` into the existing empty file `url` and flushes them to disk.
    static func fill(_ url: URL, with bytes: [UInt8]) throws {
        let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotWrite(url.path, .current()))
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFolder.Failure.io(path: url.path, text: .cannotWrite(url.path, .current()))
            }
            offset += count
        }
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotWrite(url.path, .current()))
        }
    }

    static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
        #else
        return Darwin.write(descriptor, pointer, count)
        #endif
    }

    /// Flushes a folder's entries to disk (best effort: some file systems cannot).
    static func syncFolder(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func unlink(_ url: URL) -> Bool { Foundation.unlink(url.path) == 0 }

    /// Deletes exactly `files`, then `folders` (deepest first), then `root` — never recursively, so
    /// anything else in them stays. True if `root` is gone.
    @discardableResult
    static func removeExactly(_ root: URL, files: [String], folders: [String]) -> Bool {
        for file in files { _ = unlink(root.appendingPathComponent(file)) }
        for folder in folders.sorted(by: { $0.count > $1.count }) { _ = rmdir(root.appendingPathComponent(folder).path) }
        return rmdir(root.path) == 0
    }

    /// An exclusive `flock` on the folder `url` (the parent of a target): one rotation at a time
    /// writes into a folder. Waits for another holder; a signal recorded meanwhile stops the wait.
    static func lock(_ url: URL) throws -> Int32 {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotOpen(url.path, .current()))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR {
                if SignalGuard.pending != 0 {
                    close(descriptor)
                    throw AtomicFolder.Failure.interrupted(signal: SignalGuard.pending, replaced: false)
                }
                continue
            }
            if errno == ENOLCK || errno == EOPNOTSUPP { return descriptor }  // a file system without locks: go on unlocked
            let reason = FolderTexts.SystemReason.current()
            close(descriptor)
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotLock(url.path, reason))
        }
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
