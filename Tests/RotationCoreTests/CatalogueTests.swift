// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Renders every message of the catalogue in both languages.
///
/// The Chinese text may hold ASCII only as ids and numbers (FH021, 2017-10), rule IDs (C-RATIO),
/// file names (cadres.csv), code in backquotes (`rotation validate 场景`) and the few names in
/// ``CatalogueTests/allowedInChinese``. The English text may hold Chinese only in parentheses, as a
/// gloss of the notice's own term ("alternate (差额考察对象)").
final class CatalogueTests: XCTestCase {
    /// Names that stay in Latin letters in a Chinese sentence.
    static let allowedInChinese: Set<String> = [
        "GLPK", "HiGHS", "Excel", "WPS", "Word", "CSV", "csv", "xlsx", "yaml", "YAML", "json", "JSON", "html", "HTML",
        "docx", "UTF", "BOM", "GB", "A4", "PDF", "LP", "MIP", "ID",
    ]

    func testEveryChapterHasExamples() {
        XCTAssertFalse(Catalogue.chapters.isEmpty)
        for chapter in Catalogue.chapters {
            XCTAssertFalse(chapter.renderAll().isEmpty, "chapter \(chapter.chapter) lists no examples")
        }
        let names = Catalogue.chapters.map { $0.chapter }
        XCTAssertEqual(Set(names).count, names.count, "two chapters share a name")
    }

    func testEveryMessageRendersInBothLanguages() {
        var failures: [String] = []
        for (chapter, zh, en) in Catalogue.renderedExamples() {
            if zh.isEmpty || en.isEmpty { failures.append("[\(chapter)] empty text: zh «\(zh)» en «\(en)»") }
            let english = Self.englishWords(in: zh)
            if !english.isEmpty { failures.append("[\(chapter)] English in Chinese text «\(zh)»: \(english)") }
            let chinese = Self.chineseOutsideParentheses(in: en)
            if !chinese.isEmpty { failures.append("[\(chapter)] Chinese in English text «\(en)»: \(chinese)") }
        }
        XCTAssert(failures.isEmpty, failures.joined(separator: "\n"))
    }

    func testTheCheckersCatchLeaks() {
        XCTAssertEqual(Self.englishWords(in: "89 months 在同一职位"), ["months"])
        XCTAssertEqual(Self.englishWords(in: "按 evaluation_good_share 排在前面"), ["evaluation_good_share"])
        XCTAssertEqual(Self.englishWords(in: "FH021 不符合 C-RATIO（见 cadres.csv 第 3 行，`rotation validate 场景`），GLPK"), [])
        XCTAssertEqual(Self.chineseOutsideParentheses(in: "alternate (差额考察对象)"), [])
        XCTAssertEqual(Self.chineseOutsideParentheses(in: "score 适配度"), ["适配度"])
    }

    /// ASCII words of two letters or more that are not ids, rule IDs, file names, code or allowed names.
    static func englishWords(in text: String) -> [String] {
        var found: [String] = []
        var inCode = false
        var token = ""
        func flush() {
            defer { token = "" }
            guard !inCode, token.filter(\.isLetter).count >= 2 else { return }
            if token.contains(where: \.isNumber) { return }                      // ids: FH021, A4
            if token.range(of: #"^[A-Z]+(-[A-Z]+)+$"#, options: .regularExpression) != nil { return } // rule IDs
            if token.range(of: #"^[\w-]+\.(csv|xlsx|yaml|yml|json|html|docx|md|pdf|lp)$"#, options: .regularExpression) != nil { return }
            if allowedInChinese.contains(token) { return }
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
        return found.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-")) }
    }

    /// Runs of CJK characters that are not inside ASCII or full-width parentheses.
    static func chineseOutsideParentheses(in text: String) -> [String] {
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
