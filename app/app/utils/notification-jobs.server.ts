import { asAuthService } from "@thads/db";
import { claimNotificationEmails, sweepMissedDeadlines, type NotificationDigest } from "@thads/core/creditors";
import { describeErrorForLog } from "@thads/domain";
import { translate, type Catalog, type Lang, type MessageParams } from "../i18n.ts";
import { emailAccount } from "../routes/public/notify.server.ts";
import { notificationLine, notificationMessages } from "../routes/creditor/notification-messages.ts";
import { appSql } from "./db.server.ts";
import { todayVn } from "./today.ts";

/*
 * The notifications' background work, in the server process: the sweep of deadlines passed with no
 * step (idempotent: each deadline tells each account once), then the e-mail outbox (one digest per
 * account; concurrent workers skip each other's rows). Every NOTIFY_INTERVAL_SECONDS (default 300;
 * 0 turns it off), and once at start.
 */

type NotificationKey = typeof notificationMessages extends Catalog<infer K> ? K : never;

/** How many lines a digest lists before "… and N more". */
const DIGEST_LINES = 20;
/** Accounts whose digests one round sends. */
const ACCOUNTS_PER_ROUND = 200;

/** The e-mail of one account's digest, in Vietnamese (the account's language is not known). */
export function digestEmail(d: NotificationDigest, origin: string, lang: Lang = "vi"): { subject: string; body: string } {
  const m = (key: NotificationKey, params?: MessageParams) => translate(notificationMessages, lang, key, params);
  const lines = d.items.slice(0, DIGEST_LINES).map((i) => `• ${notificationLine(lang, { kind: i.kind, payload: i.payload })}`);
  const more = d.total - lines.length;
  return {
    subject: m("email.subject", { n: d.total }),
    body: [
      m("email.greeting"),
      "",
      ...lines,
      ...(more > 0 ? [m("email.more", { n: more })] : []),
      "",
      m("email.open", { url: `${origin}/creditor/notifications` }),
      "",
      m("email.footer"),
    ].join("\n"),
  };
}

/** One round: the sweep, then the outbox until it is empty. Returns what it did. */
export async function runNotificationRound(origin: string, today = todayVn()): Promise<{ swept: number; emailed: number }> {
  const swept = await asAuthService(appSql(), (tx) => sweepMissedDeadlines(tx, today));
  let emailed = 0;
  for (;;) {
    const digests = await asAuthService(appSql(), (tx) => claimNotificationEmails(tx, ACCOUNTS_PER_ROUND));
    for (const d of digests) {
      if (!d.email) continue;
      const { subject, body } = digestEmail(d, origin);
      if (await emailAccount(d.email, subject, body)) emailed++;
    }
    if (digests.length < ACCOUNTS_PER_ROUND) break;
  }
  return { swept, emailed };
}

const STARTED = Symbol.for("thads.notificationJobs");

/** Starts the rounds once per process (a later call does nothing). */
export function startNotificationJobs(env: NodeJS.ProcessEnv = process.env): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[STARTED]) return;
  g[STARTED] = true;
  const seconds = Number(env.NOTIFY_INTERVAL_SECONDS ?? 300);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
  const round = () =>
    runNotificationRound(origin).then(
      (r) => {
        if (r.swept || r.emailed) console.log(`notifications: ${r.swept} deadline notices written, ${r.emailed} digests e-mailed`);
      },
      (e: unknown) => console.error(`notifications round failed: ${describeErrorForLog(e)}`),
    );
  void round();
  setInterval(round, seconds * 1000).unref();
}
