// SPDX-License-Identifier: GPL-3.0-or-later

/// The check that a text is in one language: what `CatalogueTests` applies to every message of
/// the catalogue, and the command tests to everything a command prints or writes.
///
/// The Chinese text may hold ASCII only as ids and numbers (FH021, 2017-10), rule IDs (C-RATIO),
/// file names (cadres.csv), code in backquotes (`rotation validate 场景`) and the few names in
/// ``allowedInChinese``. The English text may hold Chinese only in parentheses, as a gloss of the
/// notice's own term ("alternate (差额考察对象)").
///
/// ```swift
/// LanguageCheck.englishWords(in: "89 months 在同一职位")   // ["months"]
/// ```
public enum LanguageCheck {
    /// Names that stay in Latin letters in a Chinese sentence.
    public static let allowedInChinese: Set<String> = [
        "rotation", "GLPK", "HiGHS", "Excel", "WPS", "Word", "CSV", "csv", "xlsx", "yaml", "YAML", "xls", "json", "JSON", "html", "HTML",
        "docx", "UTF", "Unicode", "BOM", "GB", "GBK", "A4", "PDF", "LP", "MIP", "ID",
    ]

    /// ASCII words of two letters or more that are not ids, rule IDs, file names, code or allowed names.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func englishWords(in text: String, allowing extra: Set<String> = []) -> [String] {
        var found: [String] = []
        var inCode = false
        var token = ""
        func flush() {
            defer { token = "" }
            guard !inCode, token.filter(\.isLetter).count >= 2 else { return }
            if token.contains(where: \.isNumber) { return }                      // ids: FH021, A4
            if isRuleID(token) || isFileName(token) { return }
            let bare = trimmed(token)
            if allowedInChinese.contains(bare) || extra.contains(bare) { return }
            found.append(token)
        }
        for character in text {
            if character == "`" { flush(); inCode.toggle(); continue }
            if character.isASCII, character.isLetter || character.isNumber || "_-.".contains(character) {
                token.append(character)
            } else {
                flush()
            }
        }
        flush()
        return found.map(trimmed)
    }

    /// `C-RATIO`, `E-APPLY`: capitals joined by hyphens.
    static func isRuleID(_ token: String) -> Bool {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isUppercase } }
    }

    /// `cadres.csv`, `result.json`: a name of letters, digits, `_` or `-`, and a known extension.
    static func isFileName(_ token: String) -> Bool {
        let extensions: Set<Substring> = ["csv", "xlsx", "yaml", "yml", "json", "html", "docx", "md", "pdf", "lp", "log"]
        guard let dot = token.lastIndex(of: "."), extensions.contains(token[token.index(after: dot)...]) else { return false }
        let stem = token[..<dot]
        return !stem.isEmpty && stem.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// Without leading and trailing `.` and `-`.
    static func trimmed(_ token: String) -> String {
        var characters = Substring(token)
        while let first = characters.first, first == "." || first == "-" { characters.removeFirst() }
        while let last = characters.last, last == "." || last == "-" { characters.removeLast() }
        return String(characters)
    }

    /// Runs of CJK characters that are not inside ASCII or full-width parentheses.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func chineseOutsideParentheses(in text: String) -> [String] {
        var found: [String] = []
        var depth = 0
        var run = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            default: break
            }
            let cjk = (0x3400...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
            if cjk && depth == 0 {
                run.unicodeScalars.append(scalar)
            } else if !run.isEmpty {
                found.append(run); run = ""
            }
        }
        if !run.isEmpty { found.append(run) }
        return found
    }
}
