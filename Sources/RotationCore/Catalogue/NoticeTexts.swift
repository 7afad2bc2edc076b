// SPDX-License-Identifier: GPL-3.0-or-later

/// The public notice (公示) of the proposed appointments: every sentence it prints, in the official form.
///
/// ```swift
/// NoticeTexts.period("2017年11月20日", "2017年11月24日")(.zh)   // 公示时间：2017年11月20日至2017年11月24日。
/// ```
public enum NoticeTexts: CatalogueChapter {
    /// The title of the notice of every unit; the scenario's name.
    case title(String)
    /// The line under the title of one unit's notice: the unit's name.
    case unitSubtitle(String)
    /// The opening sentence: how many appointees.
    case lead(Int)
    /// The opening sentence of one unit's notice: unit name, how many appointees.
    case unitLead(String, Int)
    case noAppointees
    case columnNumber, columnName, columnGender, columnBirth, columnEducation, columnCurrent, columnProposed
    /// 公示时间 with both days (already written as dates).
    case period(String, String)
    /// 公示时间 not set: blanks to fill in.
    case periodBlank
    /// 公示范围 of the notice of every unit.
    case scopeAll
    /// 公示范围 of one unit's notice: the unit's name, the other units involved (names, joined; may be empty).
    case scopeUnit(String, String)
    /// The objection procedure.
    case objections
    /// 受理电话 (nil: a blank).
    case phone(String?)
    case address(String)
    case email(String)
    /// The signature when `issuer` is not set.
    case issuerBlank
    /// The date of issue when `date` is not set.
    case dateBlank
    /// A day: year, month, day.
    case day(Int, Int, Int)
    /// The file name of one unit's notice when no unit id is wanted (never used for ids).
    case perUnitWritten(Int, String)
    /// `--unit` names no unit of the run: the id, the units that have a notice.
    case unknownUnit(String, String)
    /// `--out` of the HTML notice does not end in .html: the path given, the path suggested.
    case needsHTML(String, String)
    /// The Word notice is binary: it needs `--out FILE.docx` or `--per-unit DIR`.
    case needsDocx(String)
    /// `--unit` or `--per-unit` given with another format.
    case onlyForNotices
    /// `--per-unit` and `--out`/`--unit` together.
    case perUnitAlone

    public static let chapter = "notice"
    public static let examples: [NoticeTexts] = [
        .title("FH-2017"), .unitSubtitle("区民政局"), .lead(13), .unitLead("MZJ-01", 2), .noAppointees,
        .columnNumber, .columnName, .columnGender, .columnBirth, .columnEducation, .columnCurrent, .columnProposed,
        .period("2017-11-20", "2017-11-24"), .periodBlank, .scopeAll, .scopeUnit("MZJ-01", "CZJ-02, SJJ-03"), .scopeUnit("MZJ-01", ""), .objections, .phone("0574-88521234"), .phone(nil),
        .address("150"), .email("88521234@163.com"), .issuerBlank, .dateBlank, .day(2017, 11, 20), .perUnitWritten(12, "./2017-11"),
        .unknownUnit("XY1", "CZJ2, MZJ3"), .needsHTML("notice.md", "notice.html"), .needsDocx("notice.md"), .onlyForNotices, .perUnitAlone,
    ]

    static let blank = "________"
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]

    public var text: Text {
        switch self {
        case .title(let name):
            Text(zh: "关于\(name)拟任人选的公示", en: "Public notice of the proposed appointments: \(name)")
        case .unitSubtitle(let unit):
            Text(zh: "（\(unit)）", en: "(\(unit))")
        case .lead(let count):
            Text(zh: "根据中层干部跨部门竞争上岗工作安排，经报名、资格审查、面试、组织考察和集体研究，现将\(count)名拟任人选予以公示：",
                 en: "Following registration, eligibility review, interviews, examination and the committee's decision, the \(count) proposed appointment\(count == 1 ? " is" : "s are") announced:")
        case .unitLead(let unit, let count):
            Text(zh: "根据中层干部跨部门竞争上岗工作安排，经报名、资格审查、面试、组织考察和集体研究，现将调出或调入\(unit)的\(count)名拟任人选予以公示：",
                 en: "Following registration, eligibility review, interviews, examination and the committee's decision, the \(count) proposed appointment\(count == 1 ? "" : "s") leaving or joining \(unit) \(count == 1 ? "is" : "are") announced:")
        case .noAppointees: Text(zh: "暂无拟任人选。", en: "No appointments are proposed yet.")
        case .columnNumber: Text(zh: "序号", en: "No.")
        case .columnName: Text(zh: "姓名", en: "Name")
        case .columnGender: Text(zh: "性别", en: "Gender")
        case .columnBirth: Text(zh: "出生年月", en: "Born")
        case .columnEducation: Text(zh: "学历", en: "Education")
        case .columnCurrent: Text(zh: "现工作单位及职务", en: "Present unit and post")
        case .columnProposed: Text(zh: "拟任单位及职务", en: "Proposed unit and post")
        case .period(let start, let end):
            Text(zh: "公示时间：\(start)至\(end)。", en: "Notice period: from \(start) to \(end).")
        case .periodBlank:
            Text(zh: "公示时间：\(Self.blank)至\(Self.blank)（5个工作日）。", en: "Notice period: 5 working days, from \(Self.blank) to \(Self.blank).")
        case .scopeAll:
            Text(zh: "公示范围：拟任人选原单位和拟调入单位同时公示。", en: "Posted at the same time in each appointee's present unit and receiving unit.")
        case .scopeUnit(let unit, let others):
            others.isEmpty
                ? Text(zh: "公示范围：\(unit)。", en: "Posted in \(unit).")
                : Text(zh: "公示范围：\(unit)，并在\(others)同时公示。", en: "Posted in \(unit), and at the same time in \(others).")
        case .objections:
            Text(zh: "公示期间，对公示对象有异议的，可通过来电、来信、来访等方式向组织部门反映。反映问题应实事求是，以真实姓名反映的优先受理。公示期满无异议的，按干部管理权限办理调动和任职手续。",
                 en: "During the notice period anyone may raise an objection with the organization department by telephone, letter or in person; objections under one's real name are handled first. With no objection, the transfer and appointment proceed.")
        case .phone(let phone):
            Text(zh: "受理电话：\(phone ?? Self.blank + Self.blank)", en: "Telephone: \(phone ?? Self.blank + Self.blank)")
        case .address(let address): Text(zh: "来信来访地址：\(address)", en: "Address for letters and visits: \(address)")
        case .email(let email): Text(zh: "受理邮箱：\(email)", en: "E-mail: \(email)")
        case .issuerBlank: Text(zh: "（发布单位）", en: "(issued by)")
        case .dateBlank: Text(zh: "\(Self.blank)年\(Self.blank)月\(Self.blank)日", en: "Date: \(Self.blank)")
        case .day(let year, let month, let day):
            Text(zh: "\(year)年\(month)月\(day)日", en: "\(day) \(Self.months[(month - 1 + 12) % 12]) \(year)")
        case .perUnitWritten(let count, let folder):
            Text(zh: "已写出 \(count) 个单位的公示：\(folder)", en: "wrote the notices of \(count) units into \(folder)")
        case .unknownUnit(let id, let units):
            Text(zh: "没有单位编号“\(id)”的公示；有拟任人选的单位：\(units)",
                 en: "no notice for unit \"\(id)\"; the units with proposed appointees are: \(units)")
        case .needsHTML(let path, let suggested):
            Text(zh: "公示以网页文件写出，`--out` 应以 `.html` 结尾（\(path)），例如 `--out \(suggested)`；要 Word 文件请用 `--format notice-docx`",
                 en: "the notice is a web page: `--out` must end in .html (\(path)), e.g. `--out \(suggested)`; for Word use `--format notice-docx`")
        case .needsDocx(let path):
            Text(zh: "Word 公示需要 `--out 文件.docx` 或 `--per-unit 文件夹`（\(path)）",
                 en: "the Word notice needs `--out FILE.docx` or `--per-unit FOLDER` (\(path))")
        case .onlyForNotices:
            Text(zh: "`--unit` 和 `--per-unit` 只用于 `--format notice` 或 `notice-docx`",
                 en: "`--unit` and `--per-unit` apply only to `--format notice` or `notice-docx`")
        case .perUnitAlone:
            Text(zh: "`--per-unit` 不能与 `--out` 或 `--unit` 同时使用", en: "`--per-unit` cannot be combined with `--out` or `--unit`")
        }
    }
}

extension CalendarDay {
    /// `2017年11月20日` / `20 November 2017`.
    public func written(_ language: Language) -> String { NoticeTexts.day(year, month, day)(language) }
}
