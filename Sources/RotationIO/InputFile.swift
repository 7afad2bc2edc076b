// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// Reads one input file, refusing what is not a plain file before reading a byte of it.
///
/// A fifo would block the read forever, `/dev/zero` or `/dev/urandom` (directly or through a
/// symbolic link) would fill the memory; both are refused with a message that says what the path
/// is. The file is opened without blocking and judged on the open descriptor (`fstat`), so it
/// cannot be swapped between the check and the read. A file larger than ``maxBytes`` is refused.
///
/// ```swift
/// switch InputFile.read(URL(fileURLWithPath: "scenario/cadres.csv")) {
/// case .success(let bytes): …
/// case .failure(let problem): print(problem.text.en)   // "this is a pipe (fifo), not a plain file; …"
/// }
/// ```
///
/// - Complexity: O(n) in the file's size.
public enum InputFile {
    /// The largest input file accepted: 512 MiB (120,000 cadres take about 20 MB).
    public static let maxBytes = 512 << 20

    /// Why a file could not be read, as a catalogue message.
    public struct Problem: Error, Sendable, Equatable {
        public let text: GuardTexts

        public static func == (lhs: Problem, rhs: Problem) -> Bool { lhs.text.text == rhs.text.text }
    }

    public static func read(_ url: URL, limit: Int = maxBytes) -> Result<[UInt8], Problem> {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Problem(text: .cannotRead(String(cString: strerror(errno)))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(Problem(text: .cannotRead(String(cString: strerror(errno)))))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return .failure(Problem(text: .notAPlainFile(.fifo)))
        case S_IFCHR, S_IFBLK: return .failure(Problem(text: .notAPlainFile(.device)))
        case S_IFSOCK: return .failure(Problem(text: .notAPlainFile(.socket)))
        case S_IFDIR: return .failure(Problem(text: .notAPlainFile(.folder)))
        default: return .failure(Problem(text: .notAPlainFile(.other)))
        }
        let size = Int(status.st_size)
        if size > limit { return .failure(Problem(text: .fileTooLarge(bytes: size, limit: limit))) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(Problem(text: .cannotRead(String(cString: strerror(errno)))))
            }
            if count == 0 { break }  // the file shrank meanwhile
            offset += count
        }
        return .success(offset == size ? bytes : Array(bytes[..<offset]))
    }
}
