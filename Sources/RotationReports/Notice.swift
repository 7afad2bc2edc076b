// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The public notice (公示) of the proposed appointments (C-NOTICE): a printable HTML page.
///
/// Privacy is a requirement: the notice reads only a cadre's name, gender, birth month, education,
/// current unit and post, and the proposed unit and post. It never reads scores, assessments,
/// evaluations, flags, eligibility findings or anything else about a person; `Row` holds exactly
/// what is printed.
///
/// ```swift
/// let html = PublicNotice(run: run, language: .zh).html()
/// ```
public struct PublicNotice: Sendable, Worded {
    /// One line of the notice: everything it shows about one person.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var gender: String
        public var birthMonth: String
        public var education: String
        public var currentPost: String
        public var proposedPost: String
        /// 竞争上岗 or 组织调动.
        public var way: String
    }

    public let run: Run
    public let words: Words

    public init(run: Run, language: Language? = nil) {
        self.run = run
        self.words = Words(language ?? run.language)
    }


    /// The proposed appointments: competition placements by position, then organizational transfers.
    public func rows() -> [Row] {
        run.plan.placements.map { placement in
            let cadre = run.cadreByID[placement.cadreID]
            return Row(name: cadre?.name ?? placement.cadreID.rawValue, gender: cadre.map { words.gender($0.gender) } ?? "",
                       birthMonth: cadre.map { words.birthMonth($0.birth) } ?? "",
                       education: cadre.map { words.education($0.education) } ?? "",
                       currentPost: run.currentPostPhrase(of: placement.cadreID, words),
                       proposedPost: run.positionPhrase(placement.positionID, words),
                       way: placement.isTransfer ? say("组织调动", "transfer") : say("竞争上岗", "competition"))
        }
    }

    /// Units where the notice is posted: each appointee's own unit and the unit they move to.
    public func units() -> [String] {
        var seen = Set<UnitID>()
        var names: [String] = []
        for placement in run.plan.placements {
            for unitID in [placement.fromUnitID, placement.toUnitID] where seen.insert(unitID).inserted {
                names.append(run.unitName(unitID))
            }
        }
        return names
    }

    public var title: String {
        say("\(run.scenarioName)拟任人选公示", "Public notice of proposed appointments: \(run.scenarioName)")
    }

    public func html() -> String {
        let rows = rows()
        var body = "<article class=\"notice\">\n<h1>\(HTML.escape(title))</h1>\n"
        body += "<p class=\"lead\">" + HTML.escape(say(
            "根据中层干部跨部门竞争上岗工作安排，经报名、资格审查、面试、考察和研究，现将拟任人选予以公示（共\(rows.count)人）：",
            "Following registration, eligibility review, interviews, examination and the committee's decision, the proposed appointments (\(rows.count)) are announced:"))
            + "</p>\n"
        if rows.isEmpty {
            body += "<p class=\"empty\">\(HTML.escape(say("暂无拟任人选。", "No appointments are proposed yet.")))</p>\n"
        } else {
            let header = [say("序号", "No."), say("姓名", "Name"), say("性别", "Gender"), say("出生年月", "Born"), say("学历", "Education"),
                          say("现工作单位及职务", "Current unit and post"), say("拟任单位及职务", "Proposed unit and post"),
                          say("方式", "By")]
            body += "<table>\n<thead><tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (offset, row) in rows.enumerated() {
                let cells = ["\(offset + 1)", row.name, row.gender, row.birthMonth, row.education, row.currentPost, row.proposedPost, row.way]
                body += "<tr>" + cells.enumerated().map { column, cell in
                    // Short fields stay on one line (in English, education and the way may wrap).
                    let centred = words.zh ? [0, 2, 3, 4] : [0, 2, 3]
                    let nowrap = words.zh ? [1, 7] : [1]
                    return centred.contains(column) ? "<td class=\"c\">\(HTML.escape(cell))</td>"
                        : nowrap.contains(column) ? "<td class=\"nw\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        let blank = "______"
        let lines = [
            say("公示时间：\(blank)年\(blank)月\(blank)日至\(blank)年\(blank)月\(blank)日（5个工作日）。",
                "Notice period: 5 working days, from \(blank) to \(blank)."),
            say("公示范围：在拟任人选原单位和拟调入单位同时公示（\(words.list(units()))）。",
                "Posted in both the appointee's present unit and the receiving unit (\(words.list(units())))."),
            say("公示期间，对公示对象有异议的，可通过来电、来信、来访等方式向组织部门反映。反映问题应实事求是，以真实姓名反映的优先受理。公示期满无异议的，按干部管理权限办理调动和任职手续。",
                "During the notice period anyone may raise an objection with the organization department by telephone, letter or in person; objections under one's real name are handled first. With no objection, the transfer and appointment proceed."),
            say("受理电话：\(blank)\(blank)　　受理地址：\(blank)\(blank)\(blank)", "Telephone: \(blank)\(blank)    Address: \(blank)\(blank)\(blank)"),
        ]
        body += lines.map { "<p>\(HTML.escape($0))</p>\n" }.joined()
        body += "<div class=\"sign\"><p>\(HTML.escape(say("（发布单位）", "(issued by)")))</p><p>\(HTML.escape(say("\(blank)年\(blank)月\(blank)日", "Date: \(blank)")))</p></div>\n"
        body += "<p class=\"basis\">\(HTML.escape(say("依据：C-NOTICE（竞岗(7)）拟任人选在原单位和拟调入单位公示5个工作日。", "Basis: C-NOTICE (clause 竞岗(7)): proposed appointees are announced for 5 working days in both units.")))</p>\n"
        body += "</article>\n"
        let style = """
        .notice h1 { font-size: 18pt; margin: 4mm 0 8mm; }
        .notice p { font-size: 12pt; text-indent: 2em; line-height: 1.8; }
        .notice p.empty { text-indent: 0; }
        .notice table { font-size: 10.5pt; margin: 4mm 0 6mm; }
        .notice td.c { text-align: center; white-space: nowrap; }
        .notice th { white-space: \(words.zh ? "nowrap" : "normal"); }
        .notice td.nw { white-space: nowrap; }
        .notice .sign { margin-top: 14mm; text-align: right; }
        .notice .sign p { text-indent: 0; margin: 1mm 0; text-align: right; }
        .notice p.basis { font-size: 8pt; color: #444; text-indent: 0; margin-top: 10mm; }
        """
        return HTML.page(title: title, language: words.language, body: body, extraStyle: style)
    }
}
