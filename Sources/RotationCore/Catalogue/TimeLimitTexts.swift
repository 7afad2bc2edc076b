// SPDX-License-Identifier: GPL-3.0-or-later

/// What a run says when the time limit ends a phase before it has a plan of its own.
public enum TimeLimitTexts: CatalogueChapter {
    /// place_all_due, and the time ran out before any transfer plan placing every due cadre.
    case transferOutOfTime
    /// The time ran out before GLPK improved on the plan found without it (the fallback), in this many components.
    case transferFallback(components: Int)

    public static let chapter = "time limit"
    public static let examples: [TimeLimitTexts] = [.transferOutOfTime, .transferFallback(components: 1), .transferFallback(components: 3)]

    public var text: Text {
        switch self {
        case .transferOutOfTime:
            Text(zh: "时限已到，仍未找到安排全部应轮岗人员的组织调动方案（`place_all_due`）；本结果只含竞争上岗，不含组织调动；可放宽 `--time-limit` 后重新求解",
                 en: "the time limit ran out before a transfer plan placing every rotation-due cadre (place_all_due) was found; "
                    + "the competition's plan is written without transfers; raise --time-limit")
        case .transferFallback(let components):
            Text(zh: "时限已到，\(components) 个独立部分的组织调动采用不经 GLPK 求得的方案（不设单位间调动上限的最优匹配，按上限删减，再为应轮岗人员补足安排，已逐条核对全部规则）；结果不保证最优，上界见各层级；可放宽 `--time-limit` 后重新求解",
                 en: "the time limit ran out: the transfers of \(components) independent component\(components == 1 ? "" : "s") are a plan found without GLPK "
                    + "(the best matching without the unit-pair caps, trimmed to the caps, then completed for rotation-due cadres, checked against every rule); "
                    + "not proven optimal, each level gives its bound; raise --time-limit")
        }
    }
}
