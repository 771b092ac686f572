/** Session and sign-in limits, in one place. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
/** Failed attempts for one e-mail address (known or not) before it is locked. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed attempts from one client address before it is locked. */
export const MAX_FAILURES_PER_CLIENT = 30;
export const LOCKOUT_MINUTES = 15;
