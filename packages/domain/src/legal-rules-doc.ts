/**
 * Renders docs/legal-rules.md from the table of legal rules (`LEGAL_RULE_SETS`), the auction
 * product settings and the holiday citations. `npm run docs:legal-rules` writes the file; a unit
 * test fails when the committed file differs from this output.
 */
import { AUCTION_RULE_SETS } from "./assets/rules.ts";
import { formatDateVi } from "./cases/calendar.ts";
import { DUE_SOON_WORKING_DAYS } from "./cases/deadlines.ts";
import { VN_HOLIDAYS } from "./cases/holidays-vn.ts";
import {
  formatSource,
  LEGAL_RULE_CODES,
  LEGAL_RULE_NAMES,
  LEGAL_RULE_SETS,
  weakestVerification,
  type LegalRule,
  type LegalRuleSet,
  type LegalRuleUnit,
} from "./cases/rules.ts";

const UNIT: Readonly<Record<LegalRuleUnit, string>> = {
  days: "days",
  working_days: "working days",
  months: "months",
  years: "years",
  percent: "%",
  times: "times",
  rule: "—",
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function ruleRow(_set: LegalRuleSet, code: (typeof LEGAL_RULE_CODES)[number], r: LegalRule): string {
  const sources = r.sources.map((s) => `${formatSource(s)} — ${s.verified}${s.row ? ` (${s.row})` : ""}`).join("; ");
  return `| \`${code}\` | ${cell(LEGAL_RULE_NAMES[code])} | ${cell(String(r.value))} | ${UNIT[r.unit]} | ${cell(sources)} | **${weakestVerification(r.sources)}** | ${cell(r.note ?? "")} |`;
}

export function renderLegalRulesDoc(): string {
  const out: string[] = [];
  out.push(
    "# Legal rules in force, by date",
    "",
    "<!-- Generated from packages/domain/src/cases/rules.ts by `npm run docs:legal-rules`. Do not edit by hand: a unit test fails when this file differs from the generator's output. -->",
    "",
    "Every time limit and rule the product applies, per rule set, with its source: instrument, article",
    '(Art.), clause in brackets and point in a second bracket — "Art. 65(7)(b)" is Article 65, clause 7,',
    'point b; "¶" is a paragraph of the clause. The research behind each source, with the Vietnamese',
    "text, is in [law-sources.md](law-sources.md); the row is given in brackets.",
    "",
    "A step is governed by the rule set in force on the day its period starts (for one-stop requests: the",
    "day the request is received). Periods in days end on the next working day when their last day is a",
    "day off (Civil Code 2015, Art. 148(5)); working days skip weekends and holidays and count make-up",
    "Saturdays (see the calendar below).",
    "",
    "**Verification.** `verified` — the article itself was read in a copy of the text; `partly` — only a",
    "secondary source was read; `unverified` — the text was not found or not read: the value is the",
    "best-supported one and must not be relied on as law until checked. The mark of a rule is the weakest",
    "of its sources.",
    "",
    "## Rule sets",
    "",
    "| Rule set | In force from | Rules | Unverified |",
    "| --- | --- | --- | --- |",
  );
  for (const set of LEGAL_RULE_SETS) {
    const rules = LEGAL_RULE_CODES.filter((c) => set.rules[c]);
    const weak = rules.filter((c) => weakestVerification(set.rules[c]!.sources) !== "verified");
    out.push(
      `| ${cell(set.name)} | ${formatDateVi(set.effectiveFrom)} | ${rules.length} | ${weak.length ? weak.map((c) => `\`${c}\``).join(", ") : "none"} |`,
    );
  }
  for (const set of LEGAL_RULE_SETS) {
    out.push(
      "",
      `## ${set.name} — from ${formatDateVi(set.effectiveFrom)}`,
      "",
      "| Rule | What | Value | Unit | Source | Mark | Note |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const code of LEGAL_RULE_CODES) {
      const r = set.rules[code];
      if (r) out.push(ruleRow(set, code, r));
    }
    const missing = LEGAL_RULE_CODES.filter((c) => !set.rules[c]);
    if (missing.length) out.push("", `Not in this set: ${missing.map((c) => `\`${c}\``).join(", ")}.`);
  }
  out.push("", "## Product settings (not legal limits)", "", "| Setting | Value | From | What |", "| --- | --- | --- | --- |");
  for (const s of AUCTION_RULE_SETS) {
    out.push(
      `| \`nextRoundWithinDays\` | ${s.nextRoundWithinDays} days | ${formatDateVi(s.effectiveFrom)} | Expected interval between a failed round and the next round's announcement |`,
    );
    out.push(
      `| \`stuckAfterFailedRounds\` | ${s.stuckAfterFailedRounds} | ${formatDateVi(s.effectiveFrom)} | Heads see an asset with this many failed rounds as stuck |`,
    );
  }
  out.push(`| \`DUE_SOON_WORKING_DAYS\` | ${DUE_SOON_WORKING_DAYS} working days | — | A deadline this close is shown as due soon |`);
  out.push(
    "",
    "## Working-day calendar: holiday sources",
    "",
    "| Year | Year status | Source | Status | Mark | Row |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const y of VN_HOLIDAYS) {
    for (const c of y.citations) {
      out.push(`| ${y.year} | ${y.status} | ${cell(c.reference)} | ${c.status} | **${c.verified}** | ${c.row} |`);
    }
  }
  out.push(
    "",
    "Make-up working days (Saturdays worked): " +
      VN_HOLIDAYS.flatMap((y) => y.extraWorkingDays.map((d) => formatDateVi(d.date))).join(", ") +
      ".",
    "",
  );
  return out.join("\n");
}
