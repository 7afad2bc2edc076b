// SPDX-License-Identifier: GPL-3.0-or-later

/// Words shared by every chapter: yes/no, list joining, counts.
public enum CommonTexts: CatalogueChapter {
    case yes
    case no
    case none
    /// "N persons" / "N 人".
    case persons(Int)
    /// "N positions" / "N 个职位".
    case positions(Int)

    public static let chapter = "common"
    public static let examples: [CommonTexts] = [.yes, .no, .none, .persons(3), .positions(2)]

    public var text: Text {
        switch self {
        case .yes: Text(zh: "是", en: "yes")
        case .no: Text(zh: "否", en: "no")
        case .none: Text(zh: "无", en: "none")
        case .persons(let n): Text(zh: "\(n) 人", en: n == 1 ? "1 person" : "\(n) persons")
        case .positions(let n): Text(zh: "\(n) 个职位", en: n == 1 ? "1 position" : "\(n) positions")
        }
    }
}
