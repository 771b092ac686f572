import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";
import type { Role } from "@thads/domain";
import {
  AddMemberSchema,
  ChangeMemberRoleSchema,
  CreateCommitteeSchema,
  RemoveMemberSchema,
  addCommitteeMember,
  asUserStep,
  changeCommitteeMemberRole,
  createCommittee,
  managedCommittees,
  removeCommitteeMember,
  steeringFieldErrors,
  type Actor,
} from "../src/index.ts";

const ctx = useTenantFixture();
let st: SteeringFixture;
/** Two provinces without a committee, the first with its own head. */
let fresh: { c: string; d: string; headC: string };
beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const province = async (code: string) => {
    const id = randomUUID();
    await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id)
                    values (${id}, 'province', ${`P-${code}-${tag}`}, ${`Thi hành án dân sự tỉnh ${code} ${tag}`}, ${ctx.fx.units.national}, ${id})`;
    return id;
  };
  const c = await province("C");
  const d = await province("D");
  fresh = { c, d, headC: await person("head_c", c, "province_head") };
});

const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const who = (userId: string, role: Role): { claims: Claims; actor: Actor } => ({
  claims: claims(userId),
  actor: { userId, roles: [role] },
});
const headA = () => who(ctx.fx.users.province_head!, "province_head");
const admin = () => who(ctx.fx.users.national_admin!, "national_admin");

/** A staff account (profile at a unit), with a role or none; its e-mail is unique. */
async function person(key: string, unit: string, role: string | null) {
  const id = randomUUID();
  const email = `${key}.${id.slice(0, 8)}@thads.test`;
  await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role) values (${id}, ${email}, 'x', 'authenticated', 'authenticated')`;
  await ctx.owner`insert into public.profiles (id, full_name, email, unit_id) values (${id}, ${`Cán bộ ${key}`}, ${email}, ${unit})`;
  if (role) await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${id}, ${unit}, ${role})`;
  return id;
}
const emailOf = async (userId: string) =>
  (await ctx.owner<{ email: string }[]>`select email from public.profiles where id = ${userId}`)[0]!.email;
const steeringRoles = async (userId: string) =>
  (
    await ctx.owner<{ unit_id: string }[]>`select unit_id from public.memberships where user_id = ${userId} and role = 'steering_member'`
  ).map((r) => r.unit_id);
const seesCase = async (userId: string, caseId: string) =>
  (await withClaims(ctx.app, claims(userId), (tx) => tx`select id from public.cases where id = ${caseId}`)).length === 1;
const members = async (committeeId: string) =>
  ctx.owner<{ id: string; user_id: string; member_role: string }[]>`
    select id, user_id, member_role::text from public.steering_committee_members where committee_id = ${committeeId}`;

describe("forms", () => {
  it("name the field in Vietnamese: a malformed e-mail, a missing role, an ad-hoc committee without a name", () => {
    const bad = AddMemberSchema.safeParse({ committeeId: randomUUID(), email: "khong-phai-email", memberRole: "member" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(steeringFieldErrors(bad.error).email).toMatch(/^E-mail thành viên: không đúng định dạng/);
    const noRole = AddMemberSchema.safeParse({ committeeId: randomUUID(), email: "a@b.vn", memberRole: "" });
    if (noRole.success) throw new Error("accepted a missing role");
    expect(steeringFieldErrors(noRole.error).memberRole).toMatch(/^Vai trò trong Ban:/);
    const noName = CreateCommitteeSchema.safeParse({ kind: "ad_hoc", name: " " });
    if (noName.success) throw new Error("accepted an empty name");
    expect(steeringFieldErrors(noName.error).name).toBe("Tên Ban Chỉ đạo: bắt buộc nhập.");
    expect(AddMemberSchema.parse({ committeeId: randomUUID(), email: " Ten.Nguoi@THADS.vn ", memberRole: "chair" }).email).toBe(
      "ten.nguoi@thads.vn",
    );
  });
});

describe("province head", () => {
  it("creates their province's committee once, and is refused another province's", async () => {
    const h = who(fresh.headC, "province_head");
    const made = await asUserStep(ctx.app, h.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "province", provinceId: fresh.c }), h.actor),
    );
    if (!made.ok) throw new Error(made.error.message_vi);
    const [row] = await ctx.owner<{ kind: string; province_id: string; name: string }[]>`
      select kind::text, province_id, name from public.steering_committees where id = ${made.committeeId}`;
    expect(row).toMatchObject({ kind: "province", province_id: fresh.c });
    expect(row!.name).toMatch(/^Ban Chỉ đạo THADS tỉnh C /);
    const again = await asUserStep(ctx.app, h.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "province", provinceId: fresh.c }), h.actor),
    );
    expect(again).toMatchObject({ ok: false, error: { code: "committee_exists", field: "provinceId" } });
    const other = await asUserStep(ctx.app, h.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "province", provinceId: fresh.d }), h.actor),
    );
    expect(other).toMatchObject({ ok: false, error: { code: "not_manager", field: "provinceId" } });
    const adHoc = await asUserStep(ctx.app, h.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "ad_hoc", name: "Ban chuyên đề của tỉnh" }), h.actor),
    );
    expect(adHoc).toMatchObject({ ok: false, error: { code: "not_manager" } });
    const count = await ctx.owner<
      { n: bigint }[]
    >`select count(*) as n from public.steering_committees where province_id in (${fresh.c}, ${fresh.d}) or name = 'Ban chuyên đề của tỉnh'`;
    expect(Number(count[0]!.n)).toBe(1);
  });

  it("lists only their province's committees, with members", async () => {
    const h = headA();
    const list = await withClaims(ctx.app, h.claims, (tx) => managedCommittees(tx));
    expect(list.map((c) => c.id).sort()).toEqual([st.committees.a, st.committees.spareA].sort());
    const a = list.find((c) => c.id === st.committees.a)!;
    expect(a.members).toContainEqual(
      expect.objectContaining({ user_id: st.users.memberA, member_role: "secretary", email: "steering_member@test.vn" }),
    );
  });

  it("adds a member by e-mail, who gets the steering role at the province and then sees the committee's accepted case", async () => {
    const newcomer = await person("newcomer_a", ctx.fx.units.a, null);
    expect(await seesCase(newcomer, ctx.fx.cases.a)).toBe(false);
    const h = headA();
    const input = AddMemberSchema.parse({
      committeeId: st.committees.a,
      email: (await emailOf(newcomer)).toUpperCase(),
      memberRole: "member",
    });
    const r = await asUserStep(ctx.app, h.claims, (tx) => addCommitteeMember(tx, input, h.actor));
    expect(r).toMatchObject({ ok: true, duplicate: false, roleGranted: true });
    expect(await steeringRoles(newcomer)).toEqual([ctx.fx.units.a]);
    expect(await seesCase(newcomer, ctx.fx.cases.a)).toBe(true);
    expect(await seesCase(newcomer, ctx.fx.cases.b)).toBe(false);
    // The same submit again: nothing new.
    const again = await asUserStep(ctx.app, h.claims, (tx) => addCommitteeMember(tx, input, h.actor));
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (!r.ok || !again.ok) throw new Error("unreachable");
    expect(again.memberId).toBe(r.memberId);
    expect((await members(st.committees.a)).filter((m) => m.user_id === newcomer)).toHaveLength(1);
    expect(await steeringRoles(newcomer)).toHaveLength(1);
    // The same person with another role: told to change the role instead.
    const otherRole = await asUserStep(ctx.app, h.claims, (tx) => addCommitteeMember(tx, { ...input, memberRole: "chair" }, h.actor));
    expect(otherRole).toMatchObject({ ok: false, error: { code: "already_member", field: "email" } });
  });

  it("is refused another province's committee and the national one; an unknown e-mail is refused naming the field", async () => {
    const h = headA();
    const newcomer = await person("newcomer_a2", ctx.fx.units.a, null);
    const email = await emailOf(newcomer);
    const toB = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.b, email, memberRole: "member" }), h.actor),
    );
    expect(toB).toMatchObject({ ok: false, error: { code: "committee_not_found", field: "committeeId" } });
    const toNational = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.national, email, memberRole: "member" }), h.actor),
    );
    expect(toNational).toMatchObject({ ok: false, error: { code: "not_manager", field: "committeeId" } });
    const unknown = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(
        tx,
        AddMemberSchema.parse({
          committeeId: st.committees.a,
          email: `khong.co.${randomUUID().slice(0, 8)}@thads.test`,
          memberRole: "member",
        }),
        h.actor,
      ),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: "unknown_user", field: "email" } });
    if (!unknown.ok) expect(unknown.error.message_vi).toMatch(/^E-mail thành viên: không có người dùng/);
    // Province B's staff are outside A's head's reach, whatever committee.
    const bStaff = await person("staff_b", ctx.fx.units.b, "province_staff");
    const bEmail = await emailOf(bStaff);
    const outside = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.a, email: bEmail, memberRole: "member" }), h.actor),
    );
    expect(outside).toMatchObject({ ok: false, error: { code: "unknown_user" } });
    expect(await steeringRoles(newcomer)).toEqual([]);
    expect((await members(st.committees.national)).some((m) => m.user_id === newcomer)).toBe(false);
    // Nor may they touch B's members.
    const bMember = (await members(st.committees.b))[0]!;
    const change = await asUserStep(ctx.app, h.claims, (tx) =>
      changeCommitteeMemberRole(tx, ChangeMemberRoleSchema.parse({ memberId: bMember.id, memberRole: "member" }), h.actor),
    );
    expect(change).toMatchObject({ ok: false, error: { code: "member_not_found" } });
    const remove = await asUserStep(ctx.app, h.claims, (tx) =>
      removeCommitteeMember(tx, RemoveMemberSchema.parse({ memberId: bMember.id }), h.actor),
    );
    expect(remove).toMatchObject({ ok: false, error: { code: "member_not_found" } });
    expect((await members(st.committees.b)).find((m) => m.id === bMember.id)).toMatchObject({ member_role: bMember.member_role });
  });

  it("one secretary per committee: a second is refused naming the field; re-assigning and removing work", async () => {
    const h = headA();
    const p = await person("secretary_a", ctx.fx.units.a, null);
    const email = await emailOf(p);
    // A's committee already has the fixture's member as secretary.
    const memberAEmail = await emailOf(st.users.memberA);
    const second = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(
        tx,
        AddMemberSchema.parse({ committeeId: st.committees.spareA, email: memberAEmail, memberRole: "secretary" }),
        h.actor,
      ),
    );
    expect(second).toMatchObject({ ok: true });
    const taken = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.spareA, email, memberRole: "secretary" }), h.actor),
    );
    expect(taken).toMatchObject({ ok: false, error: { code: "role_taken", field: "memberRole" } });
    if (!taken.ok) expect(taken.error.message_vi).toMatch(/^Vai trò trong Ban: Ban Chỉ đạo đã có thư ký \(steering_member\)/);
    expect((await members(st.committees.spareA)).some((m) => m.user_id === p)).toBe(false);
    expect(await steeringRoles(p)).toEqual([]);

    const added = await asUserStep(ctx.app, h.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.spareA, email, memberRole: "member" }), h.actor),
    );
    if (!added.ok) throw new Error(added.error.message_vi);
    const promote = await asUserStep(ctx.app, h.claims, (tx) =>
      changeCommitteeMemberRole(tx, ChangeMemberRoleSchema.parse({ memberId: added.memberId, memberRole: "secretary" }), h.actor),
    );
    expect(promote).toMatchObject({ ok: false, error: { code: "role_taken", field: "memberRole" } });
    const chair = await asUserStep(ctx.app, h.claims, (tx) =>
      changeCommitteeMemberRole(tx, ChangeMemberRoleSchema.parse({ memberId: added.memberId, memberRole: "chair" }), h.actor),
    );
    expect(chair).toMatchObject({ ok: true, changed: true });
    expect((await members(st.committees.spareA)).find((m) => m.id === added.memberId)?.member_role).toBe("chair");
    const removed = await asUserStep(ctx.app, h.claims, (tx) =>
      removeCommitteeMember(tx, RemoveMemberSchema.parse({ memberId: added.memberId }), h.actor),
    );
    expect(removed).toMatchObject({ ok: true });
    expect((await members(st.committees.spareA)).some((m) => m.id === added.memberId)).toBe(false);
    const twice = await asUserStep(ctx.app, h.claims, (tx) =>
      removeCommitteeMember(tx, RemoveMemberSchema.parse({ memberId: added.memberId }), h.actor),
    );
    expect(twice).toMatchObject({ ok: false, error: { code: "member_not_found" } });
  });
});

describe("national administrator", () => {
  it("creates an ad-hoc committee (once per name), adds members at the directorate, and a second chair is refused", async () => {
    const a = admin();
    const name = `Ban Chỉ đạo vụ Thép Hải Long ${randomUUID().slice(0, 6)}`;
    const made = await asUserStep(ctx.app, a.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "ad_hoc", name }), a.actor),
    );
    if (!made.ok) throw new Error(made.error.message_vi);
    const dup = await asUserStep(ctx.app, a.claims, (tx) =>
      createCommittee(tx, CreateCommitteeSchema.parse({ kind: "ad_hoc", name: name.toUpperCase() }), a.actor),
    );
    expect(dup).toMatchObject({ ok: false, error: { code: "committee_exists", field: "name" } });

    const chairP = await person("chair_nat", ctx.fx.units.national, null);
    const otherP = await person("other_nat", ctx.fx.units.b, null);
    const add = (email: string, memberRole: string) =>
      asUserStep(ctx.app, a.claims, (tx) =>
        addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: made.committeeId, email, memberRole }), a.actor),
      );
    expect(await add(await emailOf(chairP), "chair")).toMatchObject({ ok: true, roleGranted: true });
    const second = await add(await emailOf(otherP), "chair");
    expect(second).toMatchObject({ ok: false, error: { code: "role_taken", field: "memberRole" } });
    if (!second.ok) expect(second.error.message_vi).toMatch(/^Vai trò trong Ban: Ban Chỉ đạo đã có trưởng ban \(Cán bộ chair_nat\)/);
    expect(await add(await emailOf(otherP), "member")).toMatchObject({ ok: true, roleGranted: true });
    // The role that makes membership count sits at the directorate for an ad-hoc committee.
    expect(await steeringRoles(chairP)).toEqual([ctx.fx.units.national]);
    expect(await steeringRoles(otherP)).toEqual([ctx.fx.units.national]);
    expect((await members(made.committeeId)).map((m) => m.member_role).sort()).toEqual(["chair", "member"]);

    const list = await withClaims(ctx.app, a.claims, (tx) => managedCommittees(tx));
    expect(list.map((c) => c.id)).toEqual(
      expect.arrayContaining([made.committeeId, st.committees.national, st.committees.a, st.committees.b]),
    );
    expect(list.find((c) => c.id === made.committeeId)!.members.map((m) => m.full_name)).toEqual(["Cán bộ chair_nat", "Cán bộ other_nat"]);
  });

  it("adds a member to the national committee, who then reads corruption cases of several provinces on its list", async () => {
    const a = admin();
    const p = await person("member_nat", ctx.fx.units.national, null);
    expect(await seesCase(p, st.cases.corruptionA)).toBe(false);
    const email = await emailOf(p);
    const r = await asUserStep(ctx.app, a.claims, (tx) =>
      addCommitteeMember(tx, AddMemberSchema.parse({ committeeId: st.committees.national, email, memberRole: "member" }), a.actor),
    );
    expect(r).toMatchObject({ ok: true, roleGranted: true });
    expect(await seesCase(p, st.cases.corruptionA)).toBe(true);
    expect(await seesCase(p, st.cases.corruptionB)).toBe(true);
    expect(await seesCase(p, ctx.fx.cases.a)).toBe(false);
  });

  it("other tiers may not manage committees", async () => {
    const s = who(ctx.fx.users.province_staff!, "province_staff");
    const r = await asUserStep(ctx.app, s.claims, (tx) =>
      addCommitteeMember(
        tx,
        AddMemberSchema.parse({ committeeId: st.committees.a, email: "steering_member@test.vn", memberRole: "member" }),
        s.actor,
      ),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Even claiming the role: RLS lists nothing to a staff member.
    expect(await withClaims(ctx.app, s.claims, (tx) => managedCommittees(tx))).toEqual([]);
  });
});
