// SPDX-License-Identifier: GPL-3.0-or-later

/// What a run says when the time limit ends a phase before it has a plan of its own.
public enum TimeLimitTexts: CatalogueChapter {
    /// place_all_due, and the time ran out before any transfer plan placing every due cadre.
    case transferOutOfTime

    public static let chapter = "time limit"
    public static let examples: [TimeLimitTexts] = [.transferOutOfTime]

    public var text: Text {
        switch self {
        case .transferOutOfTime:
            Text(zh: "时限已到，仍未找到安排全部应轮岗人员的组织调动方案（`place_all_due`）；本结果只含竞争上岗，不含组织调动；可放宽 `--time-limit` 后重新求解",
                 en: "the time limit ran out before a transfer plan placing every rotation-due cadre (place_all_due) was found; "
                    + "the competition's plan is written without transfers; raise --time-limit")
        }
    }
}
