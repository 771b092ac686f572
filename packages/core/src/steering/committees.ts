/**
 * Committee management: a province head sets up their province's steering
 * committee, the directorate's administrators set up ad-hoc committees, and
 * both add, re-assign and remove members. Each step runs in the caller's
 * transaction under RLS (asUserStep: one transaction, rolled back on
 * refusal); the policies on steering_committees, steering_committee_members
 * and memberships decide whose committee is whose. Adding someone gives them
 * the steering_member role in the same transaction (at the province for a
 * province committee, at the directorate otherwise), since membership counts
 * only together with that role (app_private.steering_committees_for()).
 */
import type { TxSql } from "@thads/db";
import { forbiddenStep, type ServiceError, type ServiceResult } from "../shared/errors.ts";
import type { Actor } from "../cases/service.ts";
import type {
  AddMemberInput,
  ChangeMemberRoleInput,
  CreateCommitteeInput,
  RemoveMemberInput,
  SteeringMemberRole,
} from "./committees-schema.ts";

const MANAGERS = ["national_admin", "province_head"] as const;

const refuse = (code: string, message_vi: string, message_en: string, field?: string): { ok: false; error: ServiceError } => ({
  ok: false,
  error: { code, message_vi, message_en, ...(field ? { field } : {}) },
});

export const MEMBER_ROLE_LABELS: Record<SteeringMemberRole, { vi: string; en: string }> = {
  chair: { vi: "Trưởng ban", en: "Chair" },
  secretary: { vi: "Thư ký", en: "Secretary" },
  member: { vi: "Thành viên", en: "Member" },
};

const committeeMissing = () =>
  refuse(
    "committee_not_found",
    "Ban Chỉ đạo: không tồn tại hoặc bạn không quản lý Ban Chỉ đạo này.",
    "Steering committee: not found or not yours to manage.",
    "committeeId",
  );
const notManager = () =>
  refuse(
    "not_manager",
    "Ban Chỉ đạo: bạn không có quyền quản lý thành viên của Ban này (Thủ trưởng cơ quan THADS tỉnh chỉ quản lý Ban Chỉ đạo của tỉnh mình).",
    "Steering committee: you may not manage its members (a province head manages only their province's committee).",
    "committeeId",
  );
const memberMissing = () =>
  refuse(
    "member_not_found",
    "Thành viên: không còn trong Ban Chỉ đạo hoặc bạn không quản lý Ban này. Tải lại trang.",
    "Member: no longer on the committee or not yours to manage. Reload the page.",
    "memberId",
  );
const roleTaken = (role: SteeringMemberRole, holder: string | null) => {
  const label = MEMBER_ROLE_LABELS[role];
  return refuse(
    "role_taken",
    `Vai trò trong Ban: Ban Chỉ đạo đã có ${label.vi.toLowerCase()}${holder ? ` (${holder})` : ""}. Mỗi Ban chỉ có một ${label.vi.toLowerCase()}; đổi vai trò của người đó trước.`,
    `Role: the committee already has a ${label.en.toLowerCase()}${holder ? ` (${holder})` : ""}. Change that person's role first.`,
    "memberRole",
  );
};

/** Runs one write in a savepoint; a unique or RLS violation comes back as its code instead of aborting the transaction. */
async function attempt<T>(
  tx: TxSql,
  fn: (sp: TxSql) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string; constraint?: string }> {
  try {
    return { ok: true, value: (await tx.savepoint((sp) => fn(sp as unknown as TxSql))) as T };
  } catch (e) {
    const err = e as { code?: string; constraint_name?: string };
    if (err.code === "23505" || err.code === "42501") return { ok: false, code: err.code, constraint: err.constraint_name };
    throw e;
  }
}

const roleOfConstraint = (constraint: string | undefined): SteeringMemberRole | undefined =>
  constraint === "steering_committee_one_chair" ? "chair" : constraint === "steering_committee_one_secretary" ? "secretary" : undefined;

async function roleHolder(tx: TxSql, committeeId: string, role: SteeringMemberRole, exceptMemberId?: string) {
  if (role === "member") return undefined;
  const [h] = await tx<{ id: string; full_name: string | null }[]>`
    select m.id, p.full_name from public.steering_committee_members m left join public.profiles p on p.id = m.user_id
    where m.committee_id = ${committeeId} and m.member_role = ${role} ${exceptMemberId ? tx`and m.id <> ${exceptMemberId}` : tx``}`;
  return h;
}

// ---------------------------------------------------------------------------
// Committees
// ---------------------------------------------------------------------------

/**
 * A province head creates their province's committee (only while it has none);
 * a national administrator creates an ad-hoc committee (a second one with the
 * same name is refused, so a repeated submit does not make two).
 */
export async function createCommittee(
  tx: TxSql,
  input: CreateCommitteeInput,
  actor: Actor,
): Promise<ServiceResult<{ committeeId: string }>> {
  if (!actor.roles.some((r) => (MANAGERS as readonly string[]).includes(r))) return { ok: false, error: forbiddenStep() };
  if (input.kind === "province") {
    const [p] = await tx<
      { id: string; name: string }[]
    >`select id, name from public.units where id = ${input.provinceId} and kind = 'province'`;
    if (!p) return refuse("province_not_found", "Tỉnh, thành phố: không tồn tại.", "Province: not found.", "provinceId");
    // Two heads' submits at once must not make two committees.
    await tx`select pg_advisory_xact_lock(hashtext(${`steering_committee:${p.id}`}))`;
    const [existing] = await tx<{ id: string }[]>`
      select id from public.steering_committees where kind = 'province' and province_id = ${p.id} limit 1`;
    if (existing)
      return refuse(
        "committee_exists",
        "Tỉnh, thành phố: đã có Ban Chỉ đạo THADS; thêm thành viên vào Ban đã có.",
        "Province: already has a steering committee.",
        "provinceId",
      );
    const name = `Ban Chỉ đạo THADS ${p.name.replace(/^(Cơ quan )?Thi hành án dân sự /i, "")}`;
    const r = await attempt(
      tx,
      (sp) => sp<{ id: string }[]>`
      insert into public.steering_committees (kind, name, province_id) values ('province', ${name}, ${p.id}) returning id`,
    );
    if (!r.ok)
      return refuse(
        "not_manager",
        "Tỉnh, thành phố: bạn chỉ được lập Ban Chỉ đạo của tỉnh mình.",
        "Province: you may set up only your own province's committee.",
        "provinceId",
      );
    return { ok: true, committeeId: r.value[0]!.id };
  }
  await tx`select pg_advisory_xact_lock(hashtext('steering_committee:ad_hoc'))`;
  const [same] = await tx<{ id: string }[]>`
    select id from public.steering_committees where kind = 'ad_hoc' and lower(name) = lower(${input.name}) limit 1`;
  if (same)
    return refuse(
      "committee_exists",
      "Tên Ban Chỉ đạo: đã có Ban Chỉ đạo chuyên đề cùng tên.",
      "Committee name: an ad-hoc committee with this name exists.",
      "name",
    );
  const r = await attempt(
    tx,
    (sp) => sp<{ id: string }[]>`
    insert into public.steering_committees (kind, name) values ('ad_hoc', ${input.name}) returning id`,
  );
  if (!r.ok)
    return refuse(
      "not_manager",
      "Chỉ Quản trị hệ thống của Cục được lập Ban Chỉ đạo chuyên đề.",
      "Only a national administrator may set up an ad-hoc committee.",
      "name",
    );
  return { ok: true, committeeId: r.value[0]!.id };
}

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

/**
 * Adds a user, found by e-mail among the profiles the manager may see, with a
 * role in the committee, and gives them the steering_member role if they do not
 * hold it yet. Adding the same person again with the same role is a no-op.
 */
export async function addCommitteeMember(
  tx: TxSql,
  input: AddMemberInput,
  actor: Actor,
): Promise<ServiceResult<{ memberId: string; duplicate: boolean; roleGranted: boolean }>> {
  if (!actor.roles.some((r) => (MANAGERS as readonly string[]).includes(r))) return { ok: false, error: forbiddenStep() };
  const [c] = await tx<{ id: string; province_id: string | null }[]>`
    select id, province_id from public.steering_committees where id = ${input.committeeId}`;
  if (!c) return committeeMissing();
  const people = await tx<{ id: string; full_name: string; unit_id: string | null }[]>`
    select id, full_name, unit_id from public.profiles where lower(email) = ${input.email} limit 2`;
  if (people.length === 0)
    return refuse(
      "unknown_user",
      "E-mail thành viên: không có người dùng nào với e-mail này trong phạm vi bạn quản lý. Người dùng phải có tài khoản trước.",
      "Member e-mail: no user with this e-mail within your scope. The user must have an account first.",
      "email",
    );
  if (people.length > 1)
    return refuse(
      "ambiguous_user",
      "E-mail thành viên: có nhiều người dùng cùng e-mail này; liên hệ Quản trị hệ thống.",
      "Member e-mail: several users share this e-mail.",
      "email",
    );
  const person = people[0]!;
  if (!person.unit_id)
    return refuse(
      "not_staff",
      "E-mail thành viên: đây là tài khoản của người nộp yêu cầu, không phải cán bộ; không thể thêm vào Ban Chỉ đạo.",
      "Member e-mail: this is a requester's account, not staff.",
      "email",
    );

  const [already] = await tx<{ id: string; member_role: SteeringMemberRole }[]>`
    select id, member_role from public.steering_committee_members where committee_id = ${c.id} and user_id = ${person.id}`;
  if (already) {
    if (already.member_role === input.memberRole) return { ok: true, memberId: already.id, duplicate: true, roleGranted: false };
    return refuse(
      "already_member",
      `E-mail thành viên: ${person.full_name} đã là ${MEMBER_ROLE_LABELS[already.member_role].vi.toLowerCase()} của Ban; đổi vai trò trong danh sách thành viên.`,
      `Member e-mail: ${person.full_name} is already on the committee; change the role in the member list.`,
      "email",
    );
  }
  const holder = await roleHolder(tx, c.id, input.memberRole);
  if (holder) return roleTaken(input.memberRole, holder.full_name);

  const ins = await attempt(
    tx,
    (sp) => sp<{ id: string }[]>`
    insert into public.steering_committee_members (committee_id, user_id, member_role)
    values (${c.id}, ${person.id}, ${input.memberRole}) returning id`,
  );
  if (!ins.ok) {
    const role = roleOfConstraint(ins.constraint);
    if (role) return roleTaken(role, null);
    if (ins.constraint === "steering_committee_members_unique")
      return refuse(
        "already_member",
        "E-mail thành viên: người này vừa được thêm vào Ban. Tải lại trang.",
        "Member e-mail: just added by someone else.",
        "email",
      );
    return notManager();
  }

  // The role that makes the membership count: at the province for a province
  // committee, at the directorate for the national and ad-hoc committees.
  const [unit] = c.province_id
    ? [{ id: c.province_id }]
    : await tx<{ id: string }[]>`select id from public.units where kind = 'national' order by code limit 1`;
  if (!unit) throw new Error("no national unit");
  const [holds] = await tx`
    select 1 from public.memberships where user_id = ${person.id} and role = 'steering_member' limit 1`;
  let roleGranted = false;
  if (!holds) {
    const g = await attempt(
      tx,
      (sp) => sp`
      insert into public.memberships (user_id, unit_id, role) values (${person.id}, ${unit.id}, 'steering_member')
      on conflict on constraint memberships_unique do nothing`,
    );
    if (!g.ok) return notManager();
    roleGranted = true;
  }
  return { ok: true, memberId: ins.value[0]!.id, duplicate: false, roleGranted };
}

/** Changes a member's role; the committee keeps at most one chair and one secretary. */
export async function changeCommitteeMemberRole(
  tx: TxSql,
  input: ChangeMemberRoleInput,
  actor: Actor,
): Promise<ServiceResult<{ changed: boolean }>> {
  if (!actor.roles.some((r) => (MANAGERS as readonly string[]).includes(r))) return { ok: false, error: forbiddenStep() };
  const [m] = await tx<{ id: string; committee_id: string; member_role: SteeringMemberRole }[]>`
    select id, committee_id, member_role from public.steering_committee_members where id = ${input.memberId}`;
  if (!m) return memberMissing();
  if (m.member_role === input.memberRole) return { ok: true, changed: false };
  const holder = await roleHolder(tx, m.committee_id, input.memberRole, m.id);
  if (holder) return roleTaken(input.memberRole, holder.full_name);
  const up = await attempt(
    tx,
    (sp) => sp`
    update public.steering_committee_members set member_role = ${input.memberRole} where id = ${m.id} returning id`,
  );
  if (!up.ok) {
    const role = roleOfConstraint(up.constraint);
    return role ? roleTaken(role, null) : notManager();
  }
  if (up.value.length === 0) return notManager();
  return { ok: true, changed: true };
}

/**
 * Takes a member off the committee. Their steering_member role stays: it opens
 * nothing without a committee row, and they may sit on another committee.
 */
export async function removeCommitteeMember(tx: TxSql, input: RemoveMemberInput, actor: Actor): Promise<ServiceResult<{ removed: true }>> {
  if (!actor.roles.some((r) => (MANAGERS as readonly string[]).includes(r))) return { ok: false, error: forbiddenStep() };
  const [m] = await tx<{ id: string }[]>`select id from public.steering_committee_members where id = ${input.memberId}`;
  if (!m) return memberMissing();
  const del = await attempt(tx, (sp) => sp`delete from public.steering_committee_members where id = ${m.id} returning id`);
  if (!del.ok || del.value.length === 0) return notManager();
  return { ok: true, removed: true };
}

export interface ManagedCommittee {
  id: string;
  kind: "province" | "national_anticorruption" | "ad_hoc";
  name: string;
  province_id: string | null;
  province_name: string | null;
  members: { id: string; user_id: string; full_name: string | null; email: string | null; member_role: SteeringMemberRole }[];
}

/**
 * The committees this user manages, with their members: every committee for a
 * national administrator, their province's committees for a province head.
 */
export async function managedCommittees(tx: TxSql): Promise<ManagedCommittee[]> {
  const committees = await tx<Omit<ManagedCommittee, "members">[]>`
    select c.id, c.kind, c.name, c.province_id, u.name as province_name
    from public.steering_committees c left join public.units u on u.id = c.province_id
    where (select app_private.is_national_admin())
       or c.province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
    order by c.kind desc, u.name nulls first, c.name`;
  if (committees.length === 0) return [];
  const members = await tx<(ManagedCommittee["members"][number] & { committee_id: string })[]>`
    select m.id, m.committee_id, m.user_id, p.full_name, p.email, m.member_role
    from public.steering_committee_members m left join public.profiles p on p.id = m.user_id
    where m.committee_id = any (${committees.map((c) => c.id)}::uuid[])
    order by array_position(array['chair', 'secretary', 'member']::public.steering_member_role[], m.member_role), p.full_name`;
  return committees.map((c) => ({ ...c, members: members.filter((m) => m.committee_id === c.id).map(({ committee_id: _c, ...m }) => m) }));
}
