import type { TxSql } from "@thads/db";
import type { SessionKind } from "@thads/domain";
import type { RecordSessionInput } from "./schema.ts";
import type { Refusal, WriteResult } from "./letters.ts";

/*
 * Citizen reception sessions: the days a bureau or an office receives citizens — scheduled, ad hoc,
 * or the head's own reception day — with their host, how many citizens came, and the letters
 * received there. Row security limits who reads and records them (migration 20261207000100); the
 * host must be staff of the province (20261211000300).
 */

const refuse = (status: number, message: string, field?: string): Refusal => ({ ok: false, status, message, ...(field ? { field } : {}) });

/** Records a session once (a retried form returns the same session). */
export async function recordSession(tx: TxSql, input: RecordSessionInput & { userId: string }): Promise<WriteResult> {
  const [again] = await tx<{ id: string }[]>`select id from public.reception_sessions where idempotency_key = ${input.idempotencyKey}`;
  if (again) return { ok: true, id: again.id };
  // Only for the caller's own unit, or a unit of the province it is province staff of (row security says the same).
  const [unit] = await tx<{ id: string }[]>`
    select u.id from public.units u
     where u.id = ${input.unitId}
       and exists (select 1 from public.memberships m
                    where m.user_id = (select auth.uid())
                      and (m.unit_id = u.id or (m.role in ('province_head', 'province_staff') and m.province_id = u.province_id)))`;
  if (!unit) return refuse(422, "Đơn vị tổ chức: không thuộc phạm vi của bạn.", "unitId");
  const [row] = await tx<{ id: string }[]>`
    insert into public.reception_sessions (unit_id, held_on, kind, host_id, citizens, note, idempotency_key, created_by)
    values (${input.unitId}, ${input.heldOn}, ${input.kind}, ${input.hostId}, ${input.citizens}, ${input.note}, ${input.idempotencyKey},
            ${input.userId})
    returning id`;
  return { ok: true, id: row!.id };
}

export interface SessionRow {
  id: string;
  held_on: string;
  kind: SessionKind;
  unit_id: string;
  unit_name: string;
  host_name: string | null;
  citizens: number;
  note: string | null;
  letters: number;
}

/** The sessions the caller may read in a period, latest first, with the letters received at each. */
export async function sessionList(tx: TxSql, period: { from: string; to: string }, limit = 200): Promise<SessionRow[]> {
  return tx<SessionRow[]>`
    select s.id, to_char(s.held_on, 'YYYY-MM-DD') as held_on, s.kind, s.unit_id, u.name as unit_name, p.full_name as host_name,
           s.citizens, s.note,
           (select count(*)::int from public.complaint_letters l where l.session_id = s.id) as letters
      from public.reception_sessions s
      join public.units u on u.id = s.unit_id
      left join public.profiles p on p.id = s.host_id
     where s.held_on between ${period.from} and ${period.to}
     order by s.held_on desc, u.name
     limit ${limit}`;
}

/** The sessions a letter received on `day` may be registered under: the caller's, on that day or the week before. */
export async function sessionChoices(
  tx: TxSql,
  day: string,
): Promise<{ id: string; held_on: string; kind: SessionKind; unit_name: string; citizens: number }[]> {
  return tx<{ id: string; held_on: string; kind: SessionKind; unit_name: string; citizens: number }[]>`
    select s.id, to_char(s.held_on, 'YYYY-MM-DD') as held_on, s.kind, u.name as unit_name, s.citizens
      from public.reception_sessions s join public.units u on u.id = s.unit_id
     where s.held_on between ${day}::date - 7 and ${day}::date
     order by s.held_on desc, s.created_at desc
     limit 50`;
}

/** The staff who may host a session of this unit: its province's staff, as row security lets the caller read them. */
export async function sessionHosts(tx: TxSql, unitId: string): Promise<{ id: string; full_name: string }[]> {
  return tx<{ id: string; full_name: string }[]>`
    select distinct p.id, p.full_name from public.memberships m join public.profiles p on p.id = m.user_id
     where (m.unit_id = ${unitId} or m.province_id = (select u.province_id from public.units u where u.id = ${unitId}))
       and m.role in ('subunit_head', 'province_head', 'province_staff', 'executor', 'clerk')
     order by p.full_name
     limit 300`;
}
