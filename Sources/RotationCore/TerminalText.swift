// SPDX-License-Identifier: GPL-3.0-or-later

/// Text made safe for a terminal: control characters shown escaped instead of sent raw.
///
/// A value read from a file may hold ESC, BEL or NUL bytes; printed raw, ESC sequences can move the
/// cursor, recolour or retitle the terminal, or hide the rest of a message. Every text the CLI
/// prints and every input problem passes through here, so such a value shows as `\u{1B}`.
///
/// ```swift
/// TerminalText.safe("FH\u{1B}[2J01\n")    // "FH\\u{1B}[2J01\n"
/// TerminalText.escaped("a\tb\n")          // "a\\u{9}b\\u{A}"
/// ```
///
/// - Complexity: O(n) in the text's length; a text without control characters is returned as is.
public enum TerminalText {
    /// `text` with every control character escaped except line feed, tab, and a carriage return
    /// that ends a line (CR LF): for whole outputs, whose layout uses them.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" })
                || text.unicodeScalars.contains("\r") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let keep = scalar == "\n" || scalar == "\t" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
            if isControl(scalar) && !keep { result.append(contentsOf: escapedScalar(scalar).unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// `text` with every control character escaped, line breaks and tabs included: for one value
    /// quoted inside a message.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result.append(contentsOf: escapedScalar(scalar).unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// One scalar as Swift writes it in a literal: `\u{1B}`.
    public static func escapedScalar(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// C0 controls, DEL, C1 controls (a C1 CSI starts escape sequences on some terminals), and the
    /// bidirectional overrides that can reorder what a terminal shows.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
