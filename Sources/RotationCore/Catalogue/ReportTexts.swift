// SPDX-License-Identifier: GPL-3.0-or-later

/// What the printed committee documents (the report, the comparison) carry on every page.
///
/// ```swift
/// ReportTexts.pageOf("3", "5")(.zh)   // 第 3 页 共 5 页
/// ```
public enum ReportTexts: CatalogueChapter {
    /// The marking of an internal document (it lists cases under review, family abroad …).
    case marking
    /// Page numbering: the current page and the page count (as text: the printer fills them in).
    case pageOf(String, String)

    public static let chapter = "report"
    public static let examples: [ReportTexts] = [.marking, .pageOf("3", "5")]

    public var text: Text {
        switch self {
        case .marking: Text(zh: "内部资料 注意保密", en: "Internal document — confidential")
        case .pageOf(let page, let pages): Text(zh: "第 \(page) 页 共 \(pages) 页", en: "Page \(page) of \(pages)")
        }
    }
}
