/**
 * Cases and their steps, made the way the app makes them: the intake form
 * parsed by the app's schema, then `intakeCase` and `recordEvent` inside
 * `asUserStep`, as the signed-in user (RLS applies, the ledger and the
 * aggregates follow).
 */
import { randomUUID } from "node:crypto";
import { IntakeSchema, asUserStep, intakeCase, recordEvent, type Actor } from "@thads/core";
import { withClaims, type Claims, type Sql } from "@thads/db";
import { todayInVietnam, type CaseEvent, type Role } from "@thads/domain";
import type { useTenantFixture } from "./fixtures.ts";

export type TenantContext = ReturnType<typeof useTenantFixture>;

export const claimsOf = (userId: string): Claims => ({ sub: userId, role: "authenticated" });

/** A valid intake form (the app's field names and formats); `overrides` replace whole fields. */
export function intakeForm(unitId: string, overrides: Record<string, unknown> = {}) {
  const n = () => Math.floor(Math.random() * 1e9);
  return {
    idempotencyKey: randomUUID(),
    unitId,
    caseNumber: `${n()}/QĐ-CTHADS`,
    acceptedOn: "03/11/2025",
    source: "court_transfer",
    decisionKind: "on_request",
    judgment: { courtName: "Tòa án nhân dân thành phố Hải Phòng", number: `${n()}/2025/DS-ST`, date: "20/10/2025", type: "civil" },
    creditor: { kind: "organization", fullName: "Ngân hàng TMCP Á Châu" },
    debtor: { kind: "person", fullName: "Nguyễn Văn Á", idNumber: "031085001234", address: "Lê Chân, Hải Phòng" },
    amount: "150.000.000",
    ...overrides,
  };
}

/** Takes a case in as the user (the intake service); throws on a refusal. */
export async function takeInCase(sql: Sql, actor: Actor, form: Record<string, unknown>, today?: string): Promise<string> {
  const input = IntakeSchema.parse(form);
  const r = await asUserStep(sql, claimsOf(actor.userId), (tx) => intakeCase(tx, input, actor, today));
  if (!r.ok) throw new Error(`intake: ${r.error.message_vi}`);
  return r.caseId;
}

/** Records one step as the user (the case service), at the case's current version unless given. */
export async function recordStep(
  sql: Sql,
  actor: Actor,
  caseId: string,
  event: CaseEvent,
  opts: { key?: string; version?: number; today?: string } = {},
) {
  const version =
    opts.version ??
    (
      await withClaims(
        sql,
        claimsOf(actor.userId),
        (tx) => tx<{ version: number }[]>`select version from public.cases where id = ${caseId}`,
      )
    )[0]?.version ??
    0;
  return asUserStep(sql, claimsOf(actor.userId), (tx) =>
    recordEvent(tx, {
      caseId,
      expectedVersion: version,
      event,
      idempotencyKey: opts.key ?? randomUUID(),
      actor,
      today: opts.today ?? todayInVietnam(),
    }),
  );
}

/** Records the steps in order; throws on the first refusal. */
export async function recordSteps(sql: Sql, actor: Actor, caseId: string, events: readonly CaseEvent[], today?: string): Promise<void> {
  for (const event of events) {
    const r = await recordStep(sql, actor, caseId, event, { today });
    if (!r.ok) throw new Error(`${event.kind}: ${r.error.message_vi}`);
  }
}

/**
 * Case factories for a test file on the two-tenant fixture, acting as the
 * fixture's users by key (`["clerk", "clerk"]`): the intake form in sub-bureau
 * a1, `intake` (the service's answer), `takeIn` (the new case's id) and `step`.
 * `today` is the service's today for intake and steps (Việt Nam's today unless given).
 */
export function caseFactories(ctx: TenantContext, opts: { today?: string } = {}) {
  const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
  const clerk = () => actor("clerk", "clerk");
  return {
    claims: (key: string): Claims => claimsOf(ctx.fx.users[key]!),
    actor,
    intakeForm: (overrides: Record<string, unknown> = {}) => intakeForm(ctx.fx.units.a1, overrides),
    intake: (form: Record<string, unknown>, today = opts.today) =>
      asUserStep(ctx.app, claimsOf(clerk().userId), (tx) => intakeCase(tx, IntakeSchema.parse(form), clerk(), today)),
    takeIn: (form: Record<string, unknown> = intakeForm(ctx.fx.units.a1), today = opts.today) => takeInCase(ctx.app, clerk(), form, today),
    step: (caseId: string, who: [string, Role], event: CaseEvent, o: { key?: string; version?: number; today?: string } = {}) =>
      recordStep(ctx.app, actor(who[0], who[1]), caseId, event, { ...o, today: o.today ?? opts.today }),
  };
}
