import type { TxSql } from "@thads/db";
import type { NotificationKind } from "@thads/domain";
import { isUuid } from "../shared/input.ts";

/*
 * A creditor account's notifications (migration 20261212000100): written by the database when a
 * request's status changes, a payment is recorded, or a legal deadline passes with no step; read
 * and marked read by the account under row security. The service role runs the deadline sweep and
 * claims the e-mail outbox.
 */

/** What a notification says, as the database wrote it (money as a decimal string of đồng). */
export interface NotificationPayload {
  trackingCode?: string;
  requestKind?: string;
  from?: string;
  to?: string;
  caseNumber?: string;
  amount?: string;
  paidOn?: string;
  deadlineKind?: string | null;
  dueOn?: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  case_id: string | null;
  request_id: string | null;
  payload: NotificationPayload;
  created_at: string;
  read: boolean;
}

export const NOTIFICATION_PAGE_SIZE = 50;

/** The signed-in account's notifications, newest first (unread ones only when asked), a page at a time. */
export async function myNotifications(
  tx: TxSql,
  opts: { unreadOnly: boolean; page: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const offset = (Math.max(1, opts.page) - 1) * NOTIFICATION_PAGE_SIZE;
  const rows = await tx<NotificationRow[]>`
    select id, kind, case_id, request_id, payload,
           to_char(created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as created_at,
           read_at is not null as read
      from public.notifications
     where ${opts.unreadOnly ? tx`read_at is null` : tx`true`}
     order by created_at desc, id
     limit ${NOTIFICATION_PAGE_SIZE} offset ${offset}`;
  const [counts] = await tx<{ total: number; unread: number }[]>`
    select count(*)::int as total, count(*) filter (where read_at is null)::int as unread from public.notifications`;
  return { rows, total: opts.unreadOnly ? (counts?.unread ?? 0) : (counts?.total ?? 0), unread: counts?.unread ?? 0 };
}

/**
 * The signed-in account's notifications for its own systems: of the kinds asked, created after
 * `since` (oldest first, so a client pages on by the last one's time), unread ones only when asked.
 */
export async function notificationsSince(
  tx: TxSql,
  opts: { kinds: readonly NotificationKind[]; since: string | null; unreadOnly: boolean; limit: number },
) {
  if (opts.kinds.length === 0) return [];
  return tx<
    {
      id: string;
      kind: NotificationKind;
      case_id: string | null;
      request_id: string | null;
      payload: NotificationPayload;
      created_at: string;
      read: boolean;
    }[]
  >`
    select id, kind, case_id, request_id, payload, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
           read_at is not null as read
      from public.notifications
     -- The time goes as text: a parameter typed timestamptz would be sent at millisecond precision.
     where kind = any(${opts.kinds as NotificationKind[]}::public.notification_kind[])
       and ${opts.since ? tx`created_at > ${opts.since}::text::timestamptz` : tx`true`}
       and ${opts.unreadOnly ? tx`read_at is null` : tx`true`}
     order by created_at, id
     limit ${Math.min(Math.max(1, opts.limit), 500)}`;
}

/** How many of the signed-in account's notifications are unread (the badge in the navigation). */
export async function unreadNotificationCount(tx: TxSql): Promise<number> {
  const [r] = await tx<{ n: number }[]>`select count(*)::int as n from public.notifications where read_at is null`;
  return r?.n ?? 0;
}

/**
 * Marks notifications read: the ones named (at most a page; ids that are not the account's are
 * no rows under row security) or, with "all", every unread one. Returns how many it marked.
 */
export async function markNotificationsRead(tx: TxSql, which: "all" | readonly string[]): Promise<number> {
  if (which !== "all") {
    const ids = which.filter(isUuid).slice(0, NOTIFICATION_PAGE_SIZE);
    if (ids.length === 0) return 0;
    const rows = await tx`update public.notifications set read_at = now() where id = any(${ids}::uuid[]) and read_at is null returning id`;
    return rows.length;
  }
  const rows = await tx`update public.notifications set read_at = now() where read_at is null returning id`;
  return rows.length;
}

/** Whether the signed-in account gets its notifications by e-mail too (its profile; on unless turned off). */
export async function notificationEmailOn(tx: TxSql): Promise<boolean> {
  const [r] = await tx<{ on: boolean }[]>`select notify_email as on from public.profiles where id = (select auth.uid())`;
  return r?.on ?? true;
}

/** Turns the signed-in account's notification e-mails on or off. */
export async function setNotificationEmail(tx: TxSql, on: boolean): Promise<void> {
  await tx`update public.profiles set notify_email = ${on} where id = (select auth.uid())`;
}

/** The sweep of passed deadlines (service role): how many notifications it wrote. */
export async function sweepMissedDeadlines(tx: TxSql, today: string): Promise<number> {
  const [r] = await tx<{ n: number }[]>`select app_private.notify_missed_deadlines(${today}::date) as n`;
  return r?.n ?? 0;
}

export interface NotificationDigest {
  account_id: string;
  email: string | null;
  total: number;
  /** Every claimed notification's id (mark them e-mailed once the digest is sent). */
  ids: string[];
  items: { kind: NotificationKind; caseId: string | null; requestId: string | null; payload: NotificationPayload }[];
}

/**
 * Claims the unsent notifications of up to `accounts` accounts for e-mail (service role) for ten
 * minutes: a digest not marked sent by then is claimed again (five times at most).
 */
export async function claimNotificationEmails(tx: TxSql, accounts: number): Promise<NotificationDigest[]> {
  return tx<NotificationDigest[]>`select account_id, email, total, ids, items from app_private.claim_notification_emails(${accounts})`;
}

/** Marks notifications e-mailed (their digest was sent, or the account has no address). */
export async function markNotificationsEmailed(tx: TxSql, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [r] = await tx<{ n: number }[]>`select app_private.mark_notifications_emailed(${ids as string[]}::uuid[]) as n`;
  return r?.n ?? 0;
}

/** Takes a background job's lease for `seconds` when no process holds it (service role): true when taken. */
export async function takeJobLease(tx: TxSql, name: string, holder: string, seconds: number): Promise<boolean> {
  const [r] = await tx<{ ok: boolean }[]>`select app_private.take_job_lease(${name}, ${holder}, ${seconds}) as ok`;
  return r?.ok ?? false;
}
