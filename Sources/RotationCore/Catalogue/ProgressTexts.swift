// SPDX-License-Identifier: GPL-3.0-or-later

/// The progress line `solve` keeps updated on a terminal (standard error), nothing else.
public enum ProgressTexts: CatalogueChapter {
    /// "solving: shortlist, component 3/40, level preferences_met, gap 1.20%, 12 s".
    case solving(phase: String, component: Int, components: Int, level: String, gapPercent: String?, seconds: Int)

    public static let chapter = "progress"
    public static let examples: [ProgressTexts] = [
        .solving(phase: "shortlist", component: 3, components: 40, level: "preferences_met", gapPercent: nil, seconds: 12),
        .solving(phase: "transfer", component: 1, components: 1, level: "fit", gapPercent: "0.35", seconds: 41),
    ]

    public var text: Text {
        switch self {
        case let .solving(phase, component, components, level, gap, seconds):
            let zhGap = gap.map { "，最大差距 \($0)%" } ?? ""
            let enGap = gap.map { ", largest gap \($0)%" } ?? ""
            let zhPhase = ["shortlist": "差额考察对象", "price_of_fairness": "公平代价", "transfer": "组织调动"][phase] ?? "`\(phase)`"
            return Text(zh: "正在求解：\(zhPhase) 第 \(component)/\(components) 部分，目标 `\(level)`\(zhGap)，已用 \(seconds) 秒",
                        en: "solving: \(phase), component \(component)/\(components), level \(level)\(enGap), \(seconds) s")
        }
    }
}
