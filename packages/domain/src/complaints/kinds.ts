/**
 * The vocabulary of citizen reception, complaints and denunciations (docs/complaints.md).
 */

/** How a letter reached the agency. */
export const LETTER_CHANNELS = ["desk", "post", "online", "forwarded"] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/** What a letter is, once classified. */
export const LETTER_KINDS = ["complaint", "denunciation", "petition", "not_competent"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The kind of decision or act complained about, which sets the time limit to complain and to
 * resolve (L26 Art. 140(2)(a)–(d) / L106 Art. 96(2)(a)–(c)).
 */
export const COMPLAINT_ACT_KINDS = ["before_coercion", "account_freeze", "security_measure", "coercion", "after_coercion"] as const;
export type ComplaintActKind = (typeof COMPLAINT_ACT_KINDS)[number];

/** Whose decision or act is complained about (or who is denounced). */
export const ACTOR_LEVELS = ["regional_executor", "regional_head", "province_executor", "province_head"] as const;
export type ActorLevel = (typeof ACTOR_LEVELS)[number];

/** Who resolves. */
export const HANDLER_LEVELS = ["regional_head", "province_head", "directorate"] as const;
export type HandlerLevel = (typeof HANDLER_LEVELS)[number];

/** The outcome of a complaint or denunciation. */
export const RESOLUTION_OUTCOMES = ["upheld", "partly_upheld", "rejected", "withdrawn"] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** How the resolution touches the case: nothing, a step annulled, or a step to be redone. */
export const CASE_EFFECTS = ["none", "step_annulled", "step_redone"] as const;
export type CaseEffect = (typeof CASE_EFFECTS)[number];

/** Complexity of a denunciation, which sets its time to resolve. */
export const DENUNCIATION_COMPLEXITIES = ["normal", "complex", "very_complex"] as const;
export type DenunciationComplexity = (typeof DENUNCIATION_COMPLEXITIES)[number];

/** Where a letter stands. */
export const LETTER_STATUSES = ["received", "classified", "accepted", "resolved", "forwarded", "filed"] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** Complaint rounds: the first complaint and the second (lần hai). */
export type ComplaintRound = 1 | 2;

/** A citizen reception session: scheduled, ad hoc, or the head's own reception day. */
export const SESSION_KINDS = ["scheduled", "ad_hoc", "head_day"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
