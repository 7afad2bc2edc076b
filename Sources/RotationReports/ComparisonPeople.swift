// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

extension Comparison {
    /// What a change means for the person: better (green), worse (red), or neither (yellow).
    public enum Effect: String, Sendable { case better, worse, neutral }

    /// Everything that changed for one cadre, in plain words, and what it means for them.
    public struct PersonChange: Sendable {
        public var cadreID: CadreID
        public var items: [(text: String, effect: Effect)]
        /// Better if every item is better, worse if every item is worse, else neutral.
        public var effect: Effect {
            let effects = Set(items.map(\.effect))
            return effects.count == 1 ? effects.first! : .neutral
        }
    }

    func c(_ text: CompareTexts) -> String { text(words.language) }

    func positionLabel(_ id: PositionID) -> String { words.paren(positionTitleWithUnit(id), id) }

    func positionTitleWithUnit(_ id: PositionID) -> String {
        let run = b.run.positionByID[id] != nil ? b.run : a.run
        return run.positionPhrase(id, words)
    }

    func placementPhrase(_ placement: Plan.Placement) -> String {
        c(.placement(words.phase(placement.phase), positionLabel(placement.positionID)))
    }

    func findingPhrase(_ rule: RuleID, _ position: PositionID?, _ value: (verdict: FindingVerdict, detail: String)) -> String {
        c(.finding(verdictLabel(value.verdict), rule.rawValue, position?.rawValue ?? "", value.detail))
    }

    /// A finding's weight for the person: a fail is worse than a flag, which is worse than nothing; due and exempt are neither.
    static func weight(_ verdict: FindingVerdict?) -> Int? {
        switch verdict {
        case nil: return 0
        case .eligibility(.flag)?, .quota(.flag)?: return 1
        case .eligibility(.fail)?, .quota(.fail)?: return 2
        case .quota(.ok)?: return 0
        case .due?, .exempt?: return nil
        }
    }

    /// Every cadre something changed for, by id.
    public var people: [PersonChange] {
        var items: [CadreID: [(text: String, effect: Effect)]] = [:]
        for event in positionEvents {
            guard let cadreID = event.cadreID else { continue }
            let position = positionLabel(event.positionID)
            let before = a.run.shortlist(of: event.positionID).first { $0.cadreID == cadreID }
            let after = b.run.shortlist(of: event.positionID).first { $0.cadreID == cadreID }
            switch event.kind {
            case .entered:
                guard let after else { continue }
                items[cadreID, default: []].append((after.rank == 1 ? c(.enteredProposed(position)) : c(.entered(position, after.rank)), .better))
            case .left:
                guard let before else { continue }
                items[cadreID, default: []].append((c(.left(position, before.rank)), .worse))
            case .rankChanged:
                guard let before, let after else { continue }
                let text = after.rank == 1 ? c(.becameProposed(position, before.rank)) : c(.rank(position, before.rank, after.rank))
                items[cadreID, default: []].append((text, after.rank < before.rank ? .better : .worse))
            case .scoreChanged:
                guard let before, let after else { continue }
                items[cadreID, default: []].append((c(.score(position, a.run.score(before.scoreHundredths), b.run.score(after.scoreHundredths))),
                                                    after.scoreHundredths > before.scoreHundredths ? .better : .worse))
            case .withdrawn, .competed, .withdrawalChanged: break
            }
        }
        for event in cadreEvents {
            switch event.kind {
            case .placed: if let after = event.after { items[event.cadreID, default: []].append((c(.placed(placementPhrase(after))), .better)) }
            case .unplaced: if let before = event.before { items[event.cadreID, default: []].append((c(.unplaced(placementPhrase(before))), .worse)) }
            case .moved:
                if let before = event.before, let after = event.after {
                    items[event.cadreID, default: []].append((c(.moved(placementPhrase(before), placementPhrase(after))), .neutral))
                }
            }
        }
        // A finding whose verdict stays and only its wording changes (a score against a new pass mark) is not a change for the person.
        for event in verdictEvents where event.kind != .detail {
            let cadreID = CadreID(rawValue: event.subject)
            guard b.run.cadreByID[cadreID] != nil || a.run.cadreByID[cadreID] != nil else { continue }
            let effect: Effect
            if let x = Self.weight(event.before?.verdict), let y = Self.weight(event.after?.verdict), x != y {
                effect = y < x ? .better : .worse
            } else {
                effect = .neutral
            }
            let text: String
            switch (event.before, event.after) {
            case (nil, let y?): text = c(.findingAdded(findingPhrase(event.rule, event.positionID, y)))
            case (let x?, nil): text = c(.findingRemoved(findingPhrase(event.rule, event.positionID, x)))
            case (let x?, let y?): text = c(.findingChanged(findingPhrase(event.rule, event.positionID, x), findingPhrase(event.rule, event.positionID, y)))
            default: continue
            }
            items[cadreID, default: []].append((text, effect))
        }
        return items.keys.sorted(by: idPrecedes).map { PersonChange(cadreID: $0, items: items[$0] ?? []) }
    }
}
