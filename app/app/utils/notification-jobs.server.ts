import { asAuthService } from "@thads/db";
import { hostname } from "node:os";
import {
  claimNotificationEmails,
  markNotificationsEmailed,
  sweepMissedDeadlines,
  takeJobLease,
  type NotificationDigest,
} from "@thads/core/creditors";
import { describeErrorForLog } from "@thads/domain";
import { translate, type Catalog, type Lang, type MessageParams } from "../i18n.ts";
import { emailAccount } from "../routes/public/notify.server.ts";
import { notificationLine, notificationMessages } from "../routes/creditor/notification-messages.ts";
import { appSql } from "./db.server.ts";
import { todayVn } from "./today.ts";

/*
 * The notifications' background work, in one server process at a time (database leases): the sweep
 * of deadlines passed with no step, at most hourly (idempotent: each deadline tells each account
 * once), then the e-mail outbox (one digest per account, marked sent only once sent). Every
 * NOTIFY_INTERVAL_SECONDS (default 300; 0 turns it off), and once at start.
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

export interface RoundOptions {
  today?: string;
  /** Who runs it (host and process), for the leases. */
  holder?: string;
  /** How long this process keeps the outbox to itself (about the interval between rounds). */
  outboxSeconds?: number;
}

/**
 * One round, in one server process at a time: the sweep of passed deadlines (at most hourly, under
 * its own lease), then the e-mail outbox until it is empty. Returns what it did.
 */
export async function runNotificationRound(origin: string, opts: RoundOptions = {}): Promise<{ swept: number; emailed: number }> {
  const holder = opts.holder ?? `${hostname()}:${process.pid}`;
  const lease = (name: string, seconds: number) => asAuthService(appSql(), (tx) => takeJobLease(tx, name, holder, seconds));
  let swept = 0;
  if (await lease("deadline_sweep", 3600)) {
    swept = await asAuthService(appSql(), (tx) => sweepMissedDeadlines(tx, opts.today ?? todayVn()));
  }
  let emailed = 0;
  if (!(await lease("notification_outbox", opts.outboxSeconds ?? 240))) return { swept, emailed };
  for (let batch = 0; batch < 50; batch++) {
    const digests = await asAuthService(appSql(), (tx) => claimNotificationEmails(tx, ACCOUNTS_PER_ROUND));
    for (const d of digests) {
      // Sent, or nowhere to send it: done. A failed send stays claimed and is tried again after its lease.
      const mail = digestEmail(d, origin);
      const sent = d.email ? await emailAccount(d.email, mail.subject, mail.body) : false;
      if (sent || !d.email) await asAuthService(appSql(), (tx) => markNotificationsEmailed(tx, d.ids));
      if (sent) emailed++;
    }
    if (digests.length < ACCOUNTS_PER_ROUND) break;
  }
  return { swept, emailed };
}

const STARTED = Symbol.for("thads.notificationJobs");

/** Starts the rounds once per process (a later call does nothing); a round still running is not started again. */
export function startNotificationJobs(env: NodeJS.ProcessEnv = process.env): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[STARTED]) return;
  g[STARTED] = true;
  const seconds = Number(env.NOTIFY_INTERVAL_SECONDS ?? 300);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runNotificationRound(origin, { outboxSeconds: Math.max(30, Math.floor(seconds * 0.8)) });
      if (r.swept || r.emailed) console.log(`notifications: ${r.swept} deadline notices written, ${r.emailed} digests e-mailed`);
    } catch (e) {
      console.error(`notifications round failed: ${describeErrorForLog(e)}`);
    } finally {
      running = false;
    }
  };
  void round();
  setInterval(round, seconds * 1000).unref();
}
