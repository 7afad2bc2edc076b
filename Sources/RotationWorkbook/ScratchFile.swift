// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// libxlsxwriter writes only to a path: a workbook is written into a private scratch folder of its
/// own (a fresh UUID under the temporary directory, never a user's folder), read back, and the
/// folder removed, whatever happens.
///
/// ```swift
/// let bytes = try ScratchFile.bytes(named: "scenario.xlsx") { path in try write(workbook, path: path) }
/// // nil only if the file written cannot be read back
/// ```
enum ScratchFile {
    static func bytes(named name: String, write: (String) throws -> Void) throws -> (bytes: [UInt8]?, path: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent(name).path
        try write(path)
        return (FileManager.default.contents(atPath: path).map { Array($0) }, path)
    }
}
