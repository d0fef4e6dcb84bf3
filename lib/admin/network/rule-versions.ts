// Saving a set of rules by threshold with history (refund rules, exchange rules): a threshold whose
// terms are unchanged keeps its row, so what points at it (a Refund's rule) still points at what
// applied; every other rule in force is closed (validTo = now) and the new terms opened from now.
// Planned here, written by each rule set's own transaction.

export interface RuleSetPlan<I> {
  keep: Set<string>;
  toOpen: I[];
  toClose: string[];
}

/** `open`: the rows in force, newest first (the newest row of a threshold is the one that applies). */
export function planRuleSet<R extends { id: string; minHoursBefore: number }, I extends { minHoursBefore: number }>(
  open: R[],
  wanted: I[],
  sameTerms: (row: R, rule: I) => boolean,
): RuleSetPlan<I> {
  const keep = new Set<string>();
  const toOpen: I[] = [];
  for (const rule of wanted) {
    const same = open.find((r) => r.minHoursBefore === rule.minHoursBefore);
    if (same && sameTerms(same, rule)) keep.add(same.id);
    else toOpen.push(rule);
  }
  return { keep, toOpen, toClose: open.filter((r) => !keep.has(r.id)).map((r) => r.id) };
}

export interface RuleSetChange {
  opened: number;
  closed: number;
  kept: number;
}

export function changeOf(plan: RuleSetPlan<unknown>): RuleSetChange {
  return { opened: plan.toOpen.length, closed: plan.toClose.length, kept: plan.keep.size };
}

/** The rule-set saved message, for the pricing page. */
export function savedMessage(what: string, change: RuleSetChange, appliesTo: string): string {
  if (change.opened === 0 && change.closed === 0) return "Those are the rules already in force; nothing changed.";
  return `${what} saved: ${change.opened} new or changed, ${change.closed} closed, ${change.kept} unchanged. They apply to ${appliesTo} from now on.`;
}
