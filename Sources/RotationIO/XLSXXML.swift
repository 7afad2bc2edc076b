// SPDX-License-Identifier: GPL-3.0-or-later

/// The checks every XML part of a workbook passes before `XLSXScanner` reads it: no document type
/// declaration (the only way to entity expansion and external entities; no spreadsheet writes
/// one), well-encoded UTF-8 without NUL, and no declared encoding other than UTF-8.
///
/// ```swift
/// XLSXXML.containsDoctype(Array("<!DOCTYPE x><x/>".utf8))   // true
/// ```
///
/// - Complexity: O(size of the part).
enum XLSXXML {
    /// Valid UTF-8 without a NUL byte (which XML never allows).
    static func isCleanUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
    }

    /// An XML declaration naming an encoding other than UTF-8 (xlsx parts are UTF-8; libxml2 would convert).
    static func declaresOtherEncoding(_ bytes: [UInt8]) -> Bool {
        let head = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3).prefix(200)) : Array(bytes.prefix(200))
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return false }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return false }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return value != "utf-8" && value != "utf8"
    }

    /// `<!DOCTYPE` anywhere in the part.
    static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == 0x3C, bytes[index + 1] == 0x21 {
                var matched = true
                for offset in 2..<needle.count where bytes[index + offset] & 0xDF != needle[offset] & 0xDF {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }

}
