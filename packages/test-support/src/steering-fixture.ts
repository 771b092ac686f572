import { randomUUID } from "node:crypto";
import type { Sql } from "@thads/db";
import { intakeForm, takeInCase } from "./cases.ts";
import type { TenantFixture } from "./fixtures.ts";

/**
 * Steering committees on top of the two-tenant fixture: a committee per
 * tenant (A's member is the fixture's steering_member tier), the national
 * anti-corruption committee, and one of each steering row per tenant.
 * Flagged: case a (A's committee), case b (B's committee), and a corruption
 * case in each tenant on the national list. Unflagged: aUnassigned, bSpare.
 * The committees and their rows are reference data written through the owner
 * path; the extra cases are taken in through the case service on the app's
 * login (`app`).
 */
export async function buildSteeringFixture(sql: Sql, fx: TenantFixture, app: Sql) {
  const tag = fx.tag;
  const addUser = async (key: string, unit: string, role: string) => {
    const id = randomUUID();
    await sql`insert into auth.users (id, email, encrypted_password, aud, role)
              values (${id}, ${`${key}.${tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
    await sql`insert into public.profiles (id, full_name, email, unit_id) values (${id}, ${key}, ${`${key}@test.vn`}, ${unit})`;
    await sql`insert into public.memberships (user_id, unit_id, role) values (${id}, ${unit}, ${role})`;
    return id;
  };
  const users = {
    memberA: fx.users.steering_member!,
    memberB: await addUser("steering_b", fx.units.b, "steering_member"),
    memberNational: await addUser("steering_nat", fx.units.national, "steering_member"),
  };
  const committee = async (kind: string, name: string, province: string | null) =>
    (
      await sql<{ id: string }[]>`insert into public.steering_committees (kind, name, province_id)
       values (${kind}, ${name}, ${province}) returning id`
    )[0]!.id;
  const [existingNational] = await sql<{ id: string }[]>`
    select id from public.steering_committees where kind = 'national_anticorruption'`;
  const committees = {
    a: await committee("province", `Ban Chỉ đạo THADS A ${tag}`, fx.units.a),
    b: await committee("province", `Ban Chỉ đạo THADS B ${tag}`, fx.units.b),
    spareA: await committee("province", `Ban dự phòng A ${tag}`, fx.units.a),
    spareB: await committee("province", `Ban dự phòng B ${tag}`, fx.units.b),
    national:
      existingNational?.id ?? (await committee("national_anticorruption", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng", null)),
  };
  const member = async (c: string, u: string, role: string) =>
    (
      await sql<{ id: string }[]>`insert into public.steering_committee_members (committee_id, user_id, member_role)
       values (${c}, ${u}, ${role}) returning id`
    )[0]!.id;
  const members = {
    a: await member(committees.a, users.memberA, "secretary"),
    b: await member(committees.b, users.memberB, "secretary"),
  };
  await member(committees.national, users.memberNational, "member");

  const caseRow = async (unit: string, n: string, corruption: boolean) => {
    const clerk = unit === fx.units.b1 ? fx.users.clerk_b! : fx.users.clerk!;
    return takeInCase(
      app,
      { userId: clerk, roles: ["clerk"] },
      intakeForm(unit, {
        caseNumber: `${n}/${tag}`,
        acceptedOn: "01/10/2020",
        decisionKind: "ex_officio",
        isCorruption: corruption,
        judgment: { courtName: "Tòa án nhân dân", number: `${n}-${tag}/2020/HS-ST`, date: "01/09/2020", type: "criminal" },
        creditor: { kind: "organization", fullName: "Nhà nước" },
        debtor: { kind: "organization", fullName: "Công ty TNHH Minh Phát" },
        amount: "50.000.000.000",
      }),
      "2020-10-01",
    );
  };
  const cases = {
    bSpare: await caseRow(fx.units.b1, "S1", false),
    corruptionA: await caseRow(fx.units.a1, "TN1", true),
    corruptionB: await caseRow(fx.units.b1, "TN2", true),
    proposedA: await caseRow(fx.units.a1, "P1", false),
  };
  const flag = async (c: string, caseId: string, status: string) =>
    (
      await sql<{ id: string }[]>`
      insert into public.steering_flags (committee_id, case_id, reason, note, status, decided_on)
      values (${c}, ${caseId}, 'high_value', 'Giá trị lớn, kéo dài', ${status}, ${status === "accepted" ? "2026-10-05" : null})
      returning id`
    )[0]!.id;
  const flags = {
    a: await flag(committees.a, fx.cases.a, "accepted"),
    b: await flag(committees.b, fx.cases.b, "accepted"),
    nationalA: await flag(committees.national, cases.corruptionA, "accepted"),
    nationalB: await flag(committees.national, cases.corruptionB, "accepted"),
    proposedA: await flag(committees.a, cases.proposedA, "proposed"),
  };
  const meeting = async (c: string, title: string) =>
    (
      await sql<{ id: string }[]>`insert into public.steering_meetings (committee_id, held_on, title, minutes)
       values (${c}, '2026-10-20', ${title}, 'Biên bản') returning id`
    )[0]!.id;
  const meetings = {
    a: await meeting(committees.a, "Họp quý IV"),
    b: await meeting(committees.b, "Họp quý IV"),
    a2: await meeting(committees.a, "Họp tháng 11"),
    b2: await meeting(committees.b, "Họp tháng 11"),
  };
  const item = async (m: string, f: string) =>
    (
      await sql<
        { id: string }[]
      >`insert into public.steering_meeting_items (meeting_id, flag_id, position) values (${m}, ${f}, 1) returning id`
    )[0]!.id;
  const items = { a: await item(meetings.a, flags.a), b: await item(meetings.b, flags.b) };
  const directive = async (c: string, m: string, f: string, unit: string) =>
    (
      await sql<{ id: string }[]>`
      insert into public.steering_directives (committee_id, meeting_id, flag_id, addressee_unit_id, body, issued_on, due_on)
      values (${c}, ${m}, ${f}, ${unit}, 'Báo cáo phương án xử lý tài sản', '2026-10-20', '2026-11-20') returning id`
    )[0]!.id;
  const directives = {
    a: await directive(committees.a, meetings.a, flags.a, fx.units.a1),
    b: await directive(committees.b, meetings.b, flags.b, fx.units.b1),
  };
  const report = async (f: string) =>
    (
      await sql<{ id: string }[]>`insert into public.steering_progress_reports (flag_id, period_start, body)
       values (${f}, '2026-10-01', 'Đã xác minh tài sản') returning id`
    )[0]!.id;
  const reports = { a: await report(flags.a), b: await report(flags.b) };
  const op = async (c: string, caseId: string) =>
    (
      await sql<{ id: string }[]>`
      insert into public.steering_coercion_ops (case_id, committee_id, planned_on, place, plan, forces)
      values (${caseId}, ${c}, '2026-12-01', 'Số 1 Lê Lợi', 'Cưỡng chế giao nhà', ${sql.json([{ kind: "police", count: 20 }])})
      returning id`
    )[0]!.id;
  const ops = { a: await op(committees.a, fx.cases.a), b: await op(committees.b, fx.cases.b) };
  return { users, committees, members, cases, flags, meetings, items, directives, reports, ops };
}

export type SteeringFixture = Awaited<ReturnType<typeof buildSteeringFixture>>;
