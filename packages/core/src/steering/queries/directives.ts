import type { TxSql } from "@thads/db";
import { directiveStatus } from "@thads/domain";

export interface DirectiveRow {
  id: string;
  version: number;
  committee_name: string;
  body: string;
  issued_on: string;
  due_on: string;
  answer: string | null;
  answered_on: string | null;
  addressee_name: string | null;
  case_id: string | null;
  addressee_unit_id: string | null;
  addressee_user_id: string | null;
  case_number: string | null;
  flag_id: string | null;
  state: ReturnType<typeof directiveStatus>;
  revised_on: string | null;
  revision_note: string | null;
}

/** Directives visible to the user, narrowed by a condition. */
export async function loadDirectives(
  tx: TxSql,
  today: string,
  where: { flagId?: string; committeeId?: string; addresseeUnitIds?: string[]; addresseeUserId?: string },
) {
  const rows = await tx<Omit<DirectiveRow, "state">[]>`
    select d.id, d.version, c.name as committee_name, d.body, d.issued_on::text as issued_on, d.due_on::text as due_on,
           d.answer, d.answered_on::text as answered_on, coalesce(u.name, pr.full_name) as addressee_name,
           d.case_id, f.case_number, d.flag_id, d.addressee_unit_id, d.addressee_user_id,
           d.revised_on::text as revised_on, d.revision_note
    from public.steering_directives d
    join public.steering_committees c on c.id = d.committee_id
    left join public.units u on u.id = d.addressee_unit_id
    left join public.profiles pr on pr.id = d.addressee_user_id
    left join public.steering_flags f on f.id = d.flag_id
    where true
      ${where.flagId ? tx`and d.flag_id = ${where.flagId}` : tx``}
      ${where.committeeId ? tx`and d.committee_id = ${where.committeeId}` : tx``}
      ${
        where.addresseeUnitIds || where.addresseeUserId
          ? tx`and (d.addressee_unit_id = any (${where.addresseeUnitIds ?? []}::uuid[]) or d.addressee_user_id = ${where.addresseeUserId ?? null})`
          : tx``
      }
    order by (d.answered_on is not null), d.due_on, d.issued_on`;
  return rows.map((r) => ({ ...r, state: directiveStatus({ dueOn: r.due_on, answeredOn: r.answered_on }, today) }));
}

/** Open and overdue directives addressed to these units (a head's home shows it). */
export async function directiveSummary(tx: TxSql, unitIds: string[], today: string) {
  const [r] = await tx<{ open: bigint; overdue: bigint }[]>`
    select count(*) filter (where answered_on is null) as open,
           count(*) filter (where answered_on is null and due_on < ${today}) as overdue
    from public.steering_directives where addressee_unit_id = any (${unitIds}::uuid[])`;
  return { open: Number(r?.open ?? 0n), overdue: Number(r?.overdue ?? 0n) };
}
