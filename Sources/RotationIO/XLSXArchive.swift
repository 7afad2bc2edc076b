// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

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

    /// The bytes and their checked central directory: parts are found and unpacked here
    /// (`ZipBounds`), not by ZIPFoundation, whose in-memory reader trapped on a damaged header,
    /// whose inflate loop never ended on a stream cut short, and whose file reader leaked its path.
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
        directory = try ZipBounds.entries(bytes)  // every record inside the bytes, declared sizes possible
        zipBytes = bytes
    }

    /// The unpacked bytes of the part at `path` (no leading `/`), or nil when the workbook has no such part.
    func part(_ path: String) throws(XLSXError) -> [UInt8]? {
        guard let entry = directory.first(where: { $0.path == path }) ?? caseInsensitiveEntry(path) else { return nil }
        guard !entry.path.hasSuffix("/") else { throw XLSXError(.damagedPart(part: path)) }
        let limit = min(partLimit, totalLimit - unpacked)
        let megabytes = max(1, partLimit >> 20)
        let output: [UInt8]
        switch ZipBounds.unpack(entry, from: zipBytes, limit: limit) {
        case .success(let bytes): output = bytes
        case .failure(.tooLarge): throw XLSXError(.tooLarge(part: path, limitMiB: megabytes))
        case .failure(.damaged): throw XLSXError(.damagedPart(part: path))
        }
        unpacked += output.count
        return output
    }

    /// Some writers differ in the case of part names (`xl/SharedStrings.xml`).
    private func caseInsensitiveEntry(_ path: String) -> ZipBounds.Entry? {
        let wanted = path.lowercased()
        return directory.first { $0.path.lowercased() == wanted }
    }
}
