import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asAuthService, withClaims } from "@thads/db";
import { addCalendarDays, todayInVietnam, newTrackingCode } from "@thads/domain";
import { recordSteps } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import {
  claimNotificationEmails,
  markNotificationsEmailed,
  MarkNotificationsSchema,
  NotificationApiQuerySchema,
  notificationsSince,
  notificationEmailOn,
  setNotificationEmail,
  takeJobLease,
  markNotificationsRead,
  myNotifications,
  sweepMissedDeadlines,
  unreadNotificationCount,
} from "../src/creditors/index.ts";
import { deskAction } from "../src/requests/index.ts";

const ctx = useTenantFixture();
const TODAY = todayInVietnam(new Date());
const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
const digits = () => Date.now().toString().slice(-8);
let bankNumber = "";
let other = "";

const mine = (userId: string) =>
  ctx.owner<{ kind: string; case_id: string | null; request_id: string | null; payload: Record<string, string> }[]>`
    select kind, case_id, request_id, payload from public.notifications where account_id = ${userId} order by created_at, id`;

beforeAll(async () => {
  const f = ctx.fx;
  bankNumber = `01${digits()}`;
  // The fixture's creditor is a bank: a creditor party of case A (tenant A) and case B (tenant B).
  for (const c of [f.cases.a, f.cases.b]) {
    await ctx.owner`insert into public.case_parties (case_id, role, kind, full_name, id_number)
                    values (${c}, 'creditor', 'organization', 'Ngân hàng TMCP A', ${bankNumber})`;
  }
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${f.users.creditor!}, ${bankNumber}, 'organization', 'verified_channel')`;
  // Another creditor account, linked to another number, with no case.
  other = randomUUID();
  await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                  values (${other}, ${`other.${f.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
  await ctx.owner`insert into public.profiles (id, full_name, email, creditor_kind) values (${other}, 'Trần Văn B', 'b@test.vn', 'citizen')`;
  await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${other}, null, 'creditor')`;
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${other}, ${`02${digits()}`}, 'person', 'verified_channel')`;
});

describe("a creditor is told", () => {
  it("when a payment is recorded on its case, in whichever province", async () => {
    const f = ctx.fx;
    await recordSteps(
      ctx.app,
      { userId: f.users.colleague_b!, roles: ["executor"] },
      f.cases.b,
      [
        { kind: "notification", effectiveDate: TODAY },
        { kind: "payment", effectiveDate: TODAY, obligationId: "O1", amount: 250_000n },
      ],
      TODAY,
    );
    const rows = (await mine(f.users.creditor!)).filter((n) => n.kind === "payment");
    expect(rows).toHaveLength(1);
    const [caseNumber] = await ctx.owner<{ case_number: string }[]>`select case_number from public.cases where id = ${f.cases.b}`;
    expect(rows[0]).toMatchObject({
      case_id: f.cases.b,
      payload: { caseNumber: caseNumber!.case_number, amount: "250000", paidOn: TODAY },
    });
    // Nobody else: the other creditor is not a party.
    expect(await mine(other)).toHaveLength(0);
  });

  it("when the desk moves a request filed with its number, once per change", async () => {
    const f = ctx.fx;
    const id = randomUUID();
    const code = newTrackingCode();
    await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name,
                                                         requester_id_number, factor_keys)
                    values (${id}, ${f.units.a1}, 'enforcement_request', ${code}, ${randomUUID()}, 'Ngân hàng TMCP A',
                            ${bankNumber}, ${["0912345678"]})`;
    // Filing tells nobody (the filer knows); receiving does.
    expect((await mine(f.users.creditor!)).filter((n) => n.request_id === id)).toHaveLength(0);
    const r = await as(f.users.clerk!, (tx) => deskAction(tx, { id, action: "receive", version: 1, note: null, today: TODAY }));
    expect(r).toMatchObject({ ok: true, status: "received" });
    // A stale second click changes nothing and tells nobody again.
    expect(await as(f.users.clerk!, (tx) => deskAction(tx, { id, action: "receive", version: 1, note: null, today: TODAY }))).toMatchObject(
      {
        ok: false,
        status: 409,
      },
    );
    const rows = (await mine(f.users.creditor!)).filter((n) => n.request_id === id);
    expect(rows).toEqual([
      {
        kind: "request_status",
        case_id: null,
        request_id: id,
        payload: { trackingCode: code, requestKind: "enforcement_request", from: "submitted", to: "received" },
      },
    ]);
  });

  it("when a legal deadline of its case passed with no step, once however often the sweep runs", async () => {
    const f = ctx.fx;
    const due = addCalendarDays(TODAY, -3);
    await ctx.owner`update public.cases set next_deadline_on = ${due}, next_deadline_kind = 'verification',
                                            last_event_on = ${addCalendarDays(TODAY, -20)} where id = ${f.cases.a}`;
    // A deadline passed 40 days ago is old news: not told.
    await ctx.owner`update public.cases set next_deadline_on = ${addCalendarDays(TODAY, -40)}, next_deadline_kind = 'verification',
                                            last_event_on = ${addCalendarDays(TODAY, -60)} where id = ${f.cases.aUnassigned}`;
    const first = await asAuthService(ctx.app, (tx) => sweepMissedDeadlines(tx, TODAY));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await asAuthService(ctx.app, (tx) => sweepMissedDeadlines(tx, TODAY))).toBe(0);
    const rows = (await mine(f.users.creditor!)).filter((n) => n.kind === "deadline_missed");
    expect(rows).toEqual([
      expect.objectContaining({ case_id: f.cases.a, payload: expect.objectContaining({ deadlineKind: "verification", dueOn: due }) }),
    ]);
    // A signed-in user cannot run the sweep, nor claim the e-mails.
    await expect(as(f.users.creditor!, (tx) => sweepMissedDeadlines(tx, TODAY))).rejects.toMatchObject({ code: "42501" });
    await expect(as(f.users.national_admin!, (tx) => claimNotificationEmails(tx, 10))).rejects.toMatchObject({ code: "42501" });
  });
});

describe("the account's notifications", () => {
  it("are e-mailed as one digest per account, claimed for ten minutes and done once marked sent", async () => {
    const bankId = ctx.fx.users.creditor!;
    const digests = await asAuthService(ctx.app, (tx) => claimNotificationEmails(tx, 500));
    const bank = digests.find((d) => d.account_id === bankId);
    expect(bank).toMatchObject({ email: expect.stringContaining("@"), total: 3 });
    expect(bank!.ids).toHaveLength(3);
    expect(bank!.items.map((i) => i.kind).sort()).toEqual(["deadline_missed", "payment", "request_status"]);
    // Claimed: another worker gets none of them while the lease runs.
    const during = await asAuthService(ctx.app, (tx) => claimNotificationEmails(tx, 500));
    expect(during.find((d) => d.account_id === bankId)).toBeUndefined();
    // A send that failed: once the lease is over, the digest is claimed again.
    await ctx.owner`update public.notifications set email_claimed_at = now() - interval '11 minutes' where account_id = ${bankId}`;
    const retried = await asAuthService(ctx.app, (tx) => claimNotificationEmails(tx, 500));
    expect(retried.find((d) => d.account_id === bankId)?.total).toBe(3);
    expect(await asAuthService(ctx.app, (tx) => markNotificationsEmailed(tx, bank!.ids))).toBe(3);
    await ctx.owner`update public.notifications set email_claimed_at = now() - interval '11 minutes' where account_id = ${bankId}`;
    const after = await asAuthService(ctx.app, (tx) => claimNotificationEmails(tx, 500));
    expect(after.find((d) => d.account_id === bankId)).toBeUndefined();
  });

  it("are not e-mailed to an account that turned the e-mails off", async () => {
    await as(other, (tx) => setNotificationEmail(tx, false));
    expect(await as(other, notificationEmailOn)).toBe(false);
    const [n] = await ctx.owner<{ id: string }[]>`
      insert into public.notifications (account_id, kind, case_id, payload, dedupe_key)
      values (${other}, 'payment', ${ctx.fx.cases.a}, '{}', ${`payment:${randomUUID()}`}) returning id`;
    const digests = await asAuthService(ctx.app, (tx) => claimNotificationEmails(tx, 500));
    expect(digests.find((d) => d.account_id === other)).toBeUndefined();
    const [row] = await ctx.owner<{ emailed_at: Date | null }[]>`select emailed_at from public.notifications where id = ${n!.id}`;
    expect(row!.emailed_at).not.toBeNull();
    await ctx.owner`delete from public.notifications where id = ${n!.id}`;
    await as(other, (tx) => setNotificationEmail(tx, true));
  });

  it("run their background work in one process at a time", async () => {
    const name = `test_${Date.now().toString(36)}`.replace(/[0-9]/g, "x");
    expect(await asAuthService(ctx.app, (tx) => takeJobLease(tx, name, "host-a:1", 60))).toBe(true);
    expect(await asAuthService(ctx.app, (tx) => takeJobLease(tx, name, "host-b:2", 60))).toBe(false);
    expect(await asAuthService(ctx.app, (tx) => takeJobLease(tx, name, "host-a:1", 60))).toBe(false);
    await expect(as(ctx.fx.users.creditor!, (tx) => takeJobLease(tx, name, "x", 60))).rejects.toMatchObject({ code: "42501" });
  });

  it("are read by the account alone, and marked read by it alone", async () => {
    const bank = ctx.fx.users.creditor!;
    const list = await as(bank, (tx) => myNotifications(tx, { unreadOnly: false, page: 1 }));
    expect(list).toMatchObject({ total: 3, unread: 3 });
    expect(list.rows.map((r) => r.kind).sort()).toEqual(["deadline_missed", "payment", "request_status"]);
    for (const who of [other, ctx.fx.users.national_admin!, ctx.fx.users.province_head!, ctx.fx.users.clerk!]) {
      expect(await as(who, (tx) => myNotifications(tx, { unreadOnly: false, page: 1 }))).toMatchObject({ rows: [], total: 0 });
      expect(await as(who, (tx) => markNotificationsRead(tx, [list.rows[0]!.id]))).toBe(0);
      expect(await as(who, (tx) => markNotificationsRead(tx, "all"))).toBe(0);
    }
    expect(await as(bank, unreadNotificationCount)).toBe(3);
    expect(await as(bank, (tx) => markNotificationsRead(tx, [list.rows[0]!.id, "not-an-id"]))).toBe(1);
    expect(await as(bank, (tx) => myNotifications(tx, { unreadOnly: true, page: 1 }))).toMatchObject({ total: 2, unread: 2 });
    // Read stays read, stamped by the database.
    await as(bank, (tx) => tx`update public.notifications set read_at = null where id = ${list.rows[0]!.id}`);
    const [row] = await ctx.owner<{ read_at: Date | null }[]>`select read_at from public.notifications where id = ${list.rows[0]!.id}`;
    expect(row!.read_at).not.toBeNull();
    expect(await as(bank, (tx) => markNotificationsRead(tx, "all"))).toBe(2);
    expect(await as(bank, unreadNotificationCount)).toBe(0);
  });

  it("are given to the account's systems by kind and after a time, oldest first", async () => {
    const bank = ctx.fx.users.creditor!;
    const all = await as(bank, (tx) =>
      notificationsSince(tx, { kinds: ["request_status", "payment", "deadline_missed"], since: null, unreadOnly: false, limit: 100 }),
    );
    expect(all).toHaveLength(3);
    expect([...all].sort((a, b) => a.created_at.localeCompare(b.created_at))).toEqual(all);
    const payments = await as(bank, (tx) => notificationsSince(tx, { kinds: ["payment"], since: null, unreadOnly: false, limit: 100 }));
    expect(payments.map((n) => n.kind)).toEqual(["payment"]);
    const after = await as(bank, (tx) =>
      notificationsSince(tx, {
        kinds: ["request_status", "payment", "deadline_missed"],
        since: all[0]!.created_at,
        unreadOnly: false,
        limit: 100,
      }),
    );
    expect(after.map((n) => n.id)).toEqual(all.slice(1).map((n) => n.id));
    expect(await as(other, (tx) => notificationsSince(tx, { kinds: ["payment"], since: null, unreadOnly: false, limit: 100 }))).toEqual([]);
    expect(NotificationApiQuerySchema.safeParse({ since: "hôm qua" }).error?.issues[0]?.path).toEqual(["since"]);
    expect(NotificationApiQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
  });

  it("go with a revoked link: the cases and requests it brought are no longer told", async () => {
    const bank = ctx.fx.users.creditor!;
    expect((await mine(bank)).length).toBe(3);
    await ctx.owner`update public.creditor_links set revoked_at = now(), revoked_by = ${ctx.fx.users.clerk!}
                    where account_id = ${bank} and id_number = ${bankNumber}`;
    expect(await mine(bank)).toEqual([]);
  });

  it("refuse a malformed mark-read form, naming what is wrong", () => {
    expect(MarkNotificationsSchema.safeParse({ intent: "read", id: "x" }).error?.issues[0]?.message).toBe("Thông báo: không hợp lệ.");
    expect(MarkNotificationsSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});
