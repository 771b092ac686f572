/** Session and sign-in limits, in one place. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
/**
 * A session's last use is written at most this often: a request within it reads the session and
 * writes nothing (no row lock, no WAL flush per request). The idle timeout counts from the last
 * write, so a session may end up to this much earlier than 30 minutes after its very last request.
 */
export const SESSION_TOUCH_SECONDS = 60;

/**
 * Sign-in throttling (see docs/decisions/004-auth-sessions-embedded-db.md). Every limit counts the
 * e-mail as typed, whether or not an account has it, so known and unknown addresses get the same
 * answers.
 */
/** Failed attempts for one e-mail from one client address before that pair is blocked. */
export const MAX_FAILURES_PER_PAIR = 5;
/** Failed attempts from one client address, whatever the e-mails, before the address is blocked. */
export const MAX_FAILURES_PER_CLIENT = 30;
/** The window of the two limits above; a block lifts when its oldest failure leaves it. */
export const LOCKOUT_MINUTES = 15;
/**
 * Failed attempts for one e-mail from all addresses within ACCOUNT_WINDOW_MINUTES before the
 * account slows down: each further failure doubles a short cool-down (from
 * ACCOUNT_BACKOFF_BASE_SECONDS, at most ACCOUNT_BACKOFF_MAX_SECONDS) counted from the last
 * failure. Never a long lock, so no one can keep the owner out by failing on purpose.
 */
export const ACCOUNT_BACKOFF_AFTER = 50;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const ACCOUNT_BACKOFF_BASE_SECONDS = 2;
export const ACCOUNT_BACKOFF_MAX_SECONDS = 300;
