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

    /// The one checker, shared with the command tests (``LanguageCheck``).
    static func englishWords(in text: String) -> [String] { LanguageCheck.englishWords(in: text) }

    /// The one checker, shared with the command tests (``LanguageCheck``).
    static func chineseOutsideParentheses(in text: String) -> [String] { LanguageCheck.chineseOutsideParentheses(in: text) }
}
