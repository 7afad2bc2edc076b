// SPDX-License-Identifier: GPL-3.0-or-later

extension Adjudication {
    /// A passed applicant left off a list that holds someone ranked below them (docs/model.md, "no justified envy").
    public struct Envy: Sendable, Equatable {
        public var cadreID: CadreID
        public var positionID: PositionID
    }

    /// Every justified envy in `plan` (docs/model.md): a passed eligible applicant i of a competed
    /// position j, not on j's list nor on any list i likes at least as much as j, while fewer than r
    /// (the shortlist ratio) of j's list rank above i. `solve` forbids these, so a correct plan has
    /// none; `PlanCheck` and `compare` both count them here.
    ///
    /// ```swift
    /// adjudication.justifiedEnvy(in: plan)   // [] for every plan solve writes
    /// ```
    /// - Complexity: O(passed pairs + shortlist).
    public func justifiedEnvy(in plan: Plan) -> [Envy] {
        let ratio = scenario.rules.shortlistRatio
        var lists: [PositionID: Set<CadreID>] = [:]
        var listOfCadre: [CadreID: PositionID] = [:]
        for entry in plan.shortlist {
            lists[entry.positionID, default: []].insert(entry.cadreID)
            listOfCadre[entry.cadreID] = entry.positionID
        }
        var found: [Envy] = []
        for positionID in lists.keys.sorted(by: idPrecedes) {
            let listed = lists[positionID]!
            var listedAbove = 0
            for entry in ranked[positionID] ?? [] {
                if listed.contains(entry.cadreID) {
                    listedAbove += 1
                    continue
                }
                if listedAbove >= ratio { break }
                if let own = listOfCadre[entry.cadreID], preference(entry.cadreID, own) <= preference(entry.cadreID, positionID) { continue }
                found.append(Envy(cadreID: entry.cadreID, positionID: positionID))
            }
        }
        return found
    }
}
