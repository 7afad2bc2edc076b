// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import ZIPFoundation

/// Why a workbook could not be read: a catalogue message (the reader adds the file's name).
public struct XLSXError: Error, Sendable {
    public let text: WorkbookTexts
    public init(_ text: WorkbookTexts) { self.text = text }
}

/// The zip container of an xlsx workbook, read with bounds: a hostile file (a zip bomb, a part
/// that claims one size and unpacks to another, a damaged archive) is an `XLSXError`, never a
/// crash and never unbounded memory.
///
/// ```swift
/// let archive = try XLSXArchive(bytes: Array(try Data(contentsOf: url)))
/// let workbook = try archive.part("xl/workbook.xml")   // nil when absent
/// ```
///
/// - Complexity: each `part` call is O(its unpacked size), at most `partLimit` bytes; all calls
///   together at most `totalLimit`.
final class XLSXArchive {
    /// The most one part may unpack to, and all parts together (scenario workbooks are far smaller).
    static let partLimit = 64 << 20
    static let totalLimit = 256 << 20

    private let archive: Archive
    /// The bytes and their checked central directory: parts are unpacked from these (`ZipBounds.unpack`).
    private let zipBytes: [UInt8]
    private let directory: [ZipBounds.Entry]
    private var unpacked = 0
    private let partLimit: Int
    private let totalLimit: Int

    /// `limits`: the most one part and all parts may unpack to (smaller in tests).
    init(bytes: [UInt8], limits: (part: Int, total: Int) = (XLSXArchive.partLimit, XLSXArchive.totalLimit)) throws(XLSXError) {
        (partLimit, totalLimit) = limits
        // A zip starts with a local file header, "PK\u{3}\u{4}".
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 3, bytes[3] == 4 else { throw XLSXError(.notAWorkbook) }
        directory = try ZipBounds.entries(bytes)  // declared sizes within the bytes and deflate's ratio
        zipBytes = bytes
        // Through a private file, not ZIPFoundation's in-memory archive: that one traps when a damaged
        // header points past the end of the data; a file read there simply ends.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-xlsx-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try Data(bytes).write(to: scratch)
            archive = try Archive(url: scratch, accessMode: .read)
        } catch {
            throw XLSXError(.notAWorkbook)
        }
    }

    /// The unpacked bytes of the part at `path` (no leading `/`), or nil when the workbook has no such part.
    func part(_ path: String) throws(XLSXError) -> [UInt8]? {
        guard let entry = archive[path] ?? caseInsensitiveEntry(path) else { return nil }
        guard entry.type == .file else { throw XLSXError(.damagedPart(part: path)) }
        let limit = min(partLimit, totalLimit - unpacked)
        let megabytes = max(1, partLimit >> 20)
        // The header's size may lie; the count below is what bounds memory.
        if entry.uncompressedSize > UInt64(limit) { throw XLSXError(.tooLarge(part: path, limitMiB: megabytes)) }
        // Unpacked here, not by ZIPFoundation, whose inflate loop never ends on a stream cut short.
        guard let checked = directory.first(where: { $0.path == entry.path }) else { throw XLSXError(.damagedPart(part: path)) }
        let output: [UInt8]
        switch ZipBounds.unpack(checked, from: zipBytes, limit: limit) {
        case .success(let bytes): output = bytes
        case .failure(.tooLarge): throw XLSXError(.tooLarge(part: path, limitMiB: megabytes))
        case .failure(.damaged): throw XLSXError(.damagedPart(part: path))
        }
        unpacked += output.count
        return output
    }

    /// Some writers differ in the case of part names (`xl/SharedStrings.xml`).
    private func caseInsensitiveEntry(_ path: String) -> Entry? {
        let wanted = path.lowercased()
        return archive.first { $0.path.lowercased() == wanted }
    }
}
