/** Writes docs/legal-rules.md from the table of legal rules (packages/domain/src/cases/rules.ts). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderLegalRulesDoc } from "../packages/domain/src/legal-rules-doc.ts";

const target = fileURLToPath(new URL("../docs/legal-rules.md", import.meta.url));
writeFileSync(target, renderLegalRulesDoc());
console.log(`Wrote ${target}`);
