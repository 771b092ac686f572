/**
 * Who resolves: the competent level follows from whose decision or act is complained about (L26
 * Art. 142(1)–(3); L106 Art. 98, text not read — the same mapping is kept, see docs/complaints.md),
 * and a second complaint goes one level up from whoever resolved the first. A denunciation goes to
 * the head of the unit that manages the person denounced, and about a head to the level above
 * (L26 Art. 157(1)–(2); L106 Art. 110(1)–(2)).
 */
import type { ActorLevel, ComplaintRound, HandlerLevel } from "./kinds.ts";

const FIRST: Readonly<Record<ActorLevel, HandlerLevel>> = {
  regional_executor: "regional_head",
  regional_head: "province_head",
  province_executor: "province_head",
  province_head: "directorate",
};

const ABOVE: Readonly<Record<HandlerLevel, HandlerLevel | null>> = {
  regional_head: "province_head",
  province_head: "directorate",
  directorate: null,
};

/** The level competent for a complaint (or denunciation) about an act of `actor`. */
export function competentLevel(actor: ActorLevel, round: ComplaintRound = 1): HandlerLevel | null {
  const first = FIRST[actor];
  return round === 1 ? first : ABOVE[first];
}

/** The level above a handler, or null when the directorate's decision is final. */
export function levelAbove(level: HandlerLevel): HandlerLevel | null {
  return ABOVE[level];
}
