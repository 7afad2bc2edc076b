// SPDX-License-Identifier: GPL-3.0-or-later
//
// Turning the bytes of a CSV file into text. Clerks' files come from Excel, which writes
// either "CSV UTF-8" (UTF-8 with a byte-order mark) or plain "CSV" in the system code page,
// which on Chinese Windows is GBK/GB18030. See docs/scenario-format.md,
// "Reading rules (every CSV)": UTF-8 is tried first, then GB18030, unless scenario.yaml pins
// `encoding:`.
//
// Foundation on Linux has no GB18030 String.Encoding, so GB18030 goes through the C
// library's iconv (glibc ships the GB18030 gconv module).

import RotationCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A text encoding a scenario's CSV files may be written in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8").
    case utf8 = "utf-8"
    /// GB18030, which also decodes GBK and GB2312 files (it is a superset of both);
    /// what Chinese Excel writes for plain "CSV".
    case gb18030

    /// The spellings `init(name:)` accepts, for messages such as
    /// "encoding: must be one of …". Matching ignores case, surrounding spaces, and treats
    /// `_` and inner spaces like `-`.
    public static let acceptedNames: [String] = [
        "utf-8", "utf8", "utf-8-bom", "utf8-bom", "utf-8-sig",
        "gb18030", "gbk", "gb2312", "cp936",
    ]

    /// Parses an encoding name as users write it in scenario.yaml: `utf-8`, `UTF8`,
    /// `UTF-8-BOM`, `utf-8-sig`, `gb18030`, `GBK`, `gb2312`, `cp936` (case-insensitive).
    /// GBK, GB2312 and CP936 map to `.gb18030`. Returns nil for anything else.
    public init?(name: String) {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        var key = String.UnicodeScalarView()
        for scalar in scalars[first...last] {
            key.append(scalar == "_" || scalar.properties.isWhitespace ? "-" : scalar)
        }
        switch String(key).lowercased() {
        case "utf-8", "utf8", "utf-8-bom", "utf8-bom", "utf-8bom", "utf8bom", "utf-8-sig", "utf8-sig":
            self = .utf8
        case "gb18030", "gb-18030", "gbk", "gb2312", "gb-2312", "cp936", "ms936", "windows-936", "euc-cn":
            self = .gb18030
        default:
            return nil
        }
    }
}

/// The text of a file, with how it was decoded.
public struct DecodedText: Sendable, Equatable {
    /// The decoded text, without any byte-order mark.
    public let text: String
    /// The encoding the bytes were decoded as.
    public let encoding: TextEncoding
    /// Whether the file started with a byte-order mark (which is not part of `text`).
    public let hadBOM: Bool

    public init(text: String, encoding: TextEncoding, hadBOM: Bool) {
        self.text = text
        self.encoding = encoding
        self.hadBOM = hadBOM
    }
}

/// A file that cannot be decoded.
///
/// Note: this type shadows the standard library's Codable `Swift.DecodingError` inside
/// RotationIO (and in files that import RotationIO); write `Swift.DecodingError` for that one.
public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The physical 1-based line on which the first undecodable byte is (line breaks: LF,
    /// CRLF or a lone CR). 1 for problems with the file as a whole.
    public let line: Int
    /// What is wrong and what the clerk should do, in both languages, without the file name or line.
    public let text: Text
    /// The message in English.
    public var message: String { text.en }

    public init(line: Int, _ text: InputTexts) {
        self.line = line
        self.text = text.text
    }

    public init(line: Int, message: String) {
        self.line = line
        self.text = Text(zh: message, en: message)
    }

    public var description: String { "line \(line): \(message)" }
}

/// Text that cannot be written in the requested encoding (only from `TextDecoding.encode`).
public struct TextEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

public enum TextDecoding {
    /// Decodes the bytes of a CSV (or other text) file.
    ///
    /// - Without `pinned`: a leading UTF-8 byte-order mark is stripped and the rest must be
    ///   strictly valid UTF-8 (a file with a UTF-8 BOM is never re-read as GB18030: the BOM says
    ///   what it is). Without a BOM, bytes that are not valid UTF-8 are decoded as GB18030
    ///   (which covers GBK and GB2312); if that fails too, the file is rejected.
    /// - With `pinned: .utf8`: strictly UTF-8; a leading BOM is still stripped.
    /// - With `pinned: .gb18030`: strictly GB18030 (a leading GB18030 BOM is stripped); a file
    ///   that starts with a UTF-8 BOM is rejected, since it is certainly not GB18030.
    ///
    /// Files that are UTF-16 (Excel's "Unicode Text") or Excel workbooks (.xlsx/.xls renamed to
    /// .csv) are rejected with a message that says so.
    ///
    /// - Throws: `DecodingError` with the physical line of the first undecodable byte.
    public static func decode(_ bytes: [UInt8], pinned: TextEncoding? = nil) throws -> DecodedText {
        try rejectNonText(bytes)
        let hasUTF8BOM = bytes.starts(with: utf8BOM)

        switch pinned {
        case .utf8?:
            let start = hasUTF8BOM ? 3 : 0
            if let bad = firstInvalidUTF8(bytes, from: start) {
                throw DecodingError(
                    line: lineNumber(ofOffset: bad, in: bytes),
                    .pinnedUTF8Invalid)
            }
            return DecodedText(text: utf8String(bytes, from: start), encoding: .utf8, hadBOM: hasUTF8BOM)

        case .gb18030?:
            if hasUTF8BOM {
                throw DecodingError(
                    line: 1,
                    .pinnedGBButUTF8BOM)
            }
            switch gb18030ToUTF8(bytes) {
            case .success(let text):
                return stripDecodedBOM(text, encoding: .gb18030)
            case .failure(let offset):
                let looksUTF8 = firstInvalidUTF8(bytes, from: 0) == nil
                throw DecodingError(
                    line: lineNumber(ofOffset: offset, in: bytes),
                    .pinnedGBInvalid(looksUTF8: looksUTF8))
            case .unavailable:
                throw iconvUnavailable(line: 1)
            }

        case nil:
            let start = hasUTF8BOM ? 3 : 0
            guard let badUTF8 = firstInvalidUTF8(bytes, from: start) else {
                return DecodedText(text: utf8String(bytes, from: start), encoding: .utf8, hadBOM: hasUTF8BOM)
            }
            if hasUTF8BOM {
                throw DecodingError(
                    line: lineNumber(ofOffset: badUTF8, in: bytes),
                    .bomButInvalidUTF8)
            }
            switch gb18030ToUTF8(bytes) {
            case .success(let text):
                return stripDecodedBOM(text, encoding: .gb18030)
            case .failure(let badGB):
                // Report where the likelier encoding (the one that got further) broke down.
                throw DecodingError(
                    line: lineNumber(ofOffset: max(badUTF8, badGB), in: bytes),
                    .neitherUTF8NorGB)
            case .unavailable:
                throw iconvUnavailable(line: lineNumber(ofOffset: badUTF8, in: bytes))
            }
        }
    }

    /// Encodes text as `encoding` (for tests and fixture writers). UTF-8 gets a byte-order
    /// mark only when `withBOM` is true; for GB18030 `withBOM` writes the GB18030 BOM
    /// (bytes 84 31 95 33).
    ///
    /// - Throws: `TextEncodingError` if the text cannot be converted (GB18030 covers all of
    ///   Unicode, so in practice only if iconv lacks GB18030).
    public static func encode(_ text: String, as encoding: TextEncoding, withBOM: Bool = false) throws -> [UInt8] {
        switch encoding {
        case .utf8:
            return (withBOM ? utf8BOM : []) + Array(text.utf8)
        case .gb18030:
            let source = Array(((withBOM ? "\u{FEFF}" : "") + text).utf8)
            switch iconvConvert(source, from: "UTF-8", to: "GB18030") {
            case .success(let bytes):
                return bytes
            case .failure(let offset):
                throw TextEncodingError(
                    message: "the text cannot be written as GB18030 (at UTF-8 byte offset \(offset))")
            case .unavailable:
                throw TextEncodingError(message: "GB18030 is not available from iconv on this system")
            }
        }
    }

    // MARK: - Helpers

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Rejects files that are plainly not CSV text, with a message a clerk can act on.
    private static func rejectNonText(_ bytes: [UInt8]) throws {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DecodingError(
                line: 1,
                .utf16)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw DecodingError(
                line: 1,
                .workbookNamedCSV)
        }
    }

    private static func iconvUnavailable(line: Int) -> DecodingError {
        DecodingError(
            line: line,
            .gb18030Unavailable)
    }

    private static func utf8String(_ bytes: [UInt8], from start: Int) -> String {
        String(decoding: bytes[start...], as: UTF8.self)
    }

    private static func stripDecodedBOM(_ text: String, encoding: TextEncoding) -> DecodedText {
        if text.unicodeScalars.first == "\u{FEFF}" {
            var scalars = text.unicodeScalars
            scalars.removeFirst()
            return DecodedText(text: String(scalars), encoding: encoding, hadBOM: true)
        }
        return DecodedText(text: text, encoding: encoding, hadBOM: false)
    }

    /// The physical 1-based line holding byte `offset`: LF, CRLF and lone CR each end a line.
    /// Valid for UTF-8 and GB18030 alike, in which bytes 0x0A and 0x0D only ever mean themselves.
    static func lineNumber(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                // A CRLF counts once, on its LF.
                if !(i + 1 < bytes.count && bytes[i + 1] == 0x0A) { line += 1 }
            }
            i += 1
        }
        return line
    }

    /// The offset of the first byte from `start` that does not begin a well-formed UTF-8
    /// sequence (no overlongs, surrogates or code points above U+10FFFF), or nil if all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        let n = bytes.count
        var i = start
        @inline(__always) func isContinuation(_ j: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            j < n && range.contains(bytes[j])
        }
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
            } else if lead < 0xC2 {
                return i
            } else if lead < 0xE0 {
                guard isContinuation(i + 1) else { return i }
                i += 2
            } else if lead < 0xF0 {
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard isContinuation(i + 1, second), isContinuation(i + 2) else { return i }
                i += 3
            } else if lead < 0xF5 {
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard isContinuation(i + 1, second), isContinuation(i + 2), isContinuation(i + 3) else { return i }
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    enum ConversionResult {
        case success([UInt8])
        /// The input offset at which the first undecodable (or incomplete) sequence starts.
        case failure(offset: Int)
        /// iconv cannot convert between these encodings on this system.
        case unavailable
    }

    private static func gb18030ToUTF8(_ bytes: [UInt8]) -> DecodeResult {
        switch iconvConvert(bytes, from: "GB18030", to: "UTF-8") {
        case .success(let utf8):
            return .success(String(decoding: utf8, as: UTF8.self))
        case .failure(let offset):
            return .failure(offset: offset)
        case .unavailable:
            return .unavailable
        }
    }

    private enum DecodeResult {
        case success(String)
        case failure(offset: Int)
        case unavailable
    }

    /// Converts `input` with iconv, strictly (no transliteration, no skipping).
    static func iconvConvert(_ input: [UInt8], from source: String, to target: String) -> ConversionResult {
        guard let cd = iconv_open(target, source), Int(bitPattern: cd) != -1 else {
            return .unavailable
        }
        defer { _ = iconv_close(cd) }
        if input.isEmpty { return .success([]) }

        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: max(4096, min(input.count * 2 + 16, 1 << 20)))
        var source = input
        let total = source.count

        return source.withUnsafeMutableBufferPointer { inBuffer -> ConversionResult in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = total
            while true {
                let (result, err, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    errno = 0
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let e = errno
                    return (r, e, outBuffer.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced])
                if result != -1 {
                    if inLeft == 0 { break }
                    continue
                }
                if err == E2BIG { continue }
                // EILSEQ (invalid sequence) or EINVAL (incomplete sequence at the end).
                return .failure(offset: total - inLeft)
            }
            // Flush any shift state (none for UTF-8/GB18030, but harmless).
            let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                _ = iconv(cd, nil, nil, &outPtr, &outLeft)
                return outBuffer.count - outLeft
            }
            output.append(contentsOf: chunk[0..<produced])
            return .success(output)
        }
    }
}
