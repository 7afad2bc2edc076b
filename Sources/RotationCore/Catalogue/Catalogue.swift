// SPDX-License-Identifier: GPL-3.0-or-later

/// One user-facing text, in Chinese and in English.
///
/// Every sentence the tool shows a user — an input problem, a verdict's detail, a line of
/// `explain`, a report heading, a summary on the terminal — is a `Text` made by a case of a
/// ``CatalogueChapter``. Nothing builds a user sentence from loose string literals, so no English
/// fragment can leak into a Chinese sentence: a Chinese text only ever interpolates ids, numbers,
/// names and other Chinese texts.
///
/// ```swift
/// let text = Text(zh: "未知人员编号“\(id)”", en: "unknown cadre \"\(id)\"")
/// print(text(.zh))   // 未知人员编号“FH123”
/// ```
public struct Text: Sendable, Hashable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String { language == .zh ? zh : en }

    /// The text in `language`.
    public func rendered(_ language: Language) -> String { self(language) }

    /// Texts joined by a separator of each language (e.g. `、` and `, `).
    public static func joined(_ parts: [Text], zh: String = "、", en: String = ", ") -> Text {
        Text(zh: parts.map(\.zh).joined(separator: zh), en: parts.map(\.en).joined(separator: en))
    }

    /// Chinese first, for logs and debugging; users get `text(language)`.
    public var description: String { zh }
}

/// A chapter of the catalogue: an enum whose cases are the messages of one concern
/// (input problems, eligibility details, explain, reports, the terminal …).
///
/// A chapter lists every case with sample arguments in ``examples``, and ``Catalogue/chapters``
/// lists every chapter, so `CatalogueTests` renders every message of the catalogue in both
/// languages and checks that the Chinese holds no English word and the English no Chinese.
///
/// ```swift
/// enum DemoTexts: CatalogueChapter {
///     case unknownCadre(String)
///     static let chapter = "demo"
///     static let examples: [DemoTexts] = [.unknownCadre("FH123")]
///     var text: Text {
///         switch self {
///         case .unknownCadre(let id): Text(zh: "未知人员编号“\(id)”", en: "unknown cadre \"\(id)\"")
///         }
///     }
/// }
/// ```
public protocol CatalogueChapter: Sendable {
    /// The chapter's name, for the test's messages.
    static var chapter: String { get }
    /// Every case at least once, with arguments as a user would see them (ids such as FH021,
    /// numbers, file names); a Chinese name is allowed only where the English text shows it too.
    static var examples: [Self] { get }
    /// The message in both languages.
    var text: Text { get }
}

extension CatalogueChapter {
    /// The message in `language`.
    public func callAsFunction(_ language: Language) -> String { text(language) }
}

/// The one catalogue of user texts: every chapter, one line each.
///
/// - Complexity: rendering a message is proportional to its length; the catalogue itself holds nothing.
public enum Catalogue {
    /// Every chapter of the catalogue. A new chapter adds its line here.
    public static let chapters: [any CatalogueChapter.Type] = [
        CommonTexts.self,
        InputTexts.self,
        LevelTexts.self,
        TerminalTexts.self,
        RuleTexts.self,
        NoticeTexts.self,
        ReportTexts.self,
        ExplainTexts.self,
        CompareTexts.self,
        WorkbookTexts.self,
        EntryWorkbookTexts.self,
        GuardTexts.self,
        TallyTexts.self,
        ProgressTexts.self,
        TimeLimitTexts.self,
        FolderTexts.self,
        RunFolderTexts.self,
    ]

    /// Every example of every chapter, rendered: (chapter, Chinese, English).
    public static func renderedExamples() -> [(chapter: String, zh: String, en: String)] {
        chapters.flatMap { chapter in chapter.renderAll() }
    }
}

extension CatalogueChapter {
    static func renderAll() -> [(chapter: String, zh: String, en: String)] {
        examples.map { (chapter, $0.text.zh, $0.text.en) }
    }
}
