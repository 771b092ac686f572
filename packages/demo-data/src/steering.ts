import type { TxSql } from "@thads/db";
import { addCalendarDays, reportPeriodStart, addMonths, compareDates } from "@thads/domain";
import type { DemoModel } from "./model.ts";
import { stableUuid } from "./prng.ts";

/** Provinces whose committees get a demo list (cases, meetings, directives, reports). */
const LISTED = ["hai-phong", "ha-noi", "ho-chi-minh", "da-nang"];

/**
 * Steering committees: one per province (its steering member as secretary),
 * the Central Steering Committee on anti-corruption, and for four provinces
 * and the national list: flagged cases (accepted and proposed), a meeting
 * with its agenda, directives (some overdue, some answered), monthly progress
 * reports with some periods missing, and a coercion operation. Rows are
 * written with every column set, so they do not depend on triggers (the
 * seeding transaction may run with triggers off). Deterministic for a given
 * set of cases and `today`.
 */
export async function seedSteering(tx: TxSql, model: DemoModel, today: string) {
  const provinces = model.units.filter((u) => u.kind === "province" && u.dissolved_on === null);
  const steeringUser = new Map<string, string>();
  let nationalMember: string | null = null;
  for (const u of model.users) {
    for (const m of u.memberships) {
      if (m.role !== "steering_member" || !m.unit_id) continue;
      if (m.unit_id === u.province_id) steeringUser.set(m.unit_id, u.id);
      else if (u.province_id === null) nationalMember = u.id;
    }
  }
  const committees = provinces.map((p) => ({
    id: stableUuid(`steering:${p.code}`),
    kind: "province",
    name: `Ban Chỉ đạo THADS ${p.name.replace(/^Thi hành án dân sự /, "")}`,
    province_id: p.id,
    report_cadence: "monthly",
    slug: p.slug,
  }));
  const national = {
    id: stableUuid("steering:national"),
    kind: "national_anticorruption",
    name: "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
    province_id: null,
    report_cadence: "quarterly",
    slug: null,
  };
  await tx`insert into public.steering_committees ${tx([...committees, national].map(({ slug: _s, ...c }) => c))}`;
  const members = committees
    .filter((c) => steeringUser.has(c.province_id))
    .map((c) => ({ committee_id: c.id, user_id: steeringUser.get(c.province_id)!, member_role: "secretary", province_id: c.province_id }));
  if (nationalMember)
    members.push({ committee_id: national.id, user_id: nationalMember, member_role: "secretary", province_id: null as unknown as string });
  await tx`insert into public.steering_committee_members ${tx(members)}`;

  const counts = { committees: committees.length + 1, flags: 0, directives: 0, reports: 0, meetings: 0 };
  const listed = committees.filter((c) => c.slug && LISTED.includes(c.slug));
  for (const c of listed) {
    const rows = await tx<CaseRow[]>`
      select id, province_id, unit_id, case_number, debtor_name, money_due, accepted_on::text as accepted_on, is_corruption
      from public.cases
      where province_id = ${c.province_id} and status not in ('completed', 'terminated', 'transferred_out')
      order by money_due - money_collected desc, id limit 8`;
    await seedList(tx, c, rows, today, counts, { accepted: 6, coercion: c.slug === "hai-phong" });
  }
  // The national list: the largest open asset-recovery case of each province that has one.
  const corruption = await tx<CaseRow[]>`
    select * from (
      select distinct on (province_id) id, province_id, unit_id, case_number, debtor_name, money_due, accepted_on::text as accepted_on, is_corruption,
             money_due - money_collected as outstanding
      from public.cases
      where is_corruption and status not in ('completed', 'terminated', 'transferred_out')
      order by province_id, money_due - money_collected desc, id
    ) t order by outstanding desc, id limit 10`;
  await seedList(tx, national, corruption, today, counts, { accepted: corruption.length, coercion: false });
  return counts;
}

interface CaseRow {
  id: string;
  province_id: string;
  unit_id: string;
  case_number: string;
  debtor_name: string;
  money_due: bigint;
  accepted_on: string;
  is_corruption: boolean;
}

async function seedList(
  tx: TxSql,
  committee: { id: string; province_id: string | null; report_cadence: string },
  rows: CaseRow[],
  today: string,
  counts: { flags: number; directives: number; reports: number; meetings: number },
  opts: { accepted: number; coercion: boolean },
) {
  if (rows.length === 0) return;
  const flaggedOn = addCalendarDays(today, -150);
  const flags = rows.map((r, i) => {
    const accepted = i < opts.accepted;
    const proposedOn = accepted ? addCalendarDays(flaggedOn, -7) : addCalendarDays(today, -3);
    return {
      id: stableUuid(`steering-flag:${committee.id}:${r.id}`),
      committee_id: committee.id,
      case_id: r.id,
      province_id: r.province_id,
      unit_id: r.unit_id,
      reason: r.is_corruption ? "corruption_economic" : i % 3 === 2 ? "prolonged" : "high_value",
      note: r.is_corruption
        ? "Thu hồi tài sản trong vụ án tham nhũng, kinh tế được dư luận quan tâm."
        : "Giá trị phải thi hành lớn, cần phối hợp liên ngành để xử lý tài sản.",
      case_number: r.case_number,
      debtor_name: r.debtor_name,
      money_due: r.money_due,
      status: accepted ? "accepted" : "proposed",
      proposed_on: proposedOn,
      decided_on: accepted ? flaggedOn : null,
      decision_note: accepted ? "Đưa vào danh sách theo dõi, chỉ đạo tập trung giải quyết." : null,
    };
  });
  await tx`insert into public.steering_flags ${tx(flags)}`;
  counts.flags += flags.length;
  const accepted = flags.filter((f) => f.status === "accepted");

  const meetingId = stableUuid(`steering-meeting:${committee.id}`);
  await tx`insert into public.steering_meetings ${tx([
    {
      id: meetingId,
      committee_id: committee.id,
      province_id: committee.province_id,
      held_on: addCalendarDays(today, -45),
      title: "Họp Ban Chỉ đạo rà soát các vụ việc trọng điểm",
      minutes:
        "Ban Chỉ đạo nghe cơ quan THADS báo cáo tiến độ từng vụ việc; các thành viên thảo luận vướng mắc về xử lý tài sản và phối hợp cưỡng chế.",
      decisions: "Giao cơ quan THADS hoàn thành xác minh, định giá tài sản; báo cáo kết quả trước kỳ họp sau.",
    },
  ])}`;
  await tx`insert into public.steering_meeting_items ${tx(
    accepted.map((f, i) => ({
      meeting_id: meetingId,
      committee_id: committee.id,
      province_id: committee.province_id,
      flag_id: f.id,
      position: i + 1,
    })),
  )}`;
  counts.meetings += 1;

  const directives = accepted.map((f, i) => {
    const kind = i % 3; // 0: overdue, 1: answered, 2: open
    const issued = kind === 2 ? addCalendarDays(today, -5) : addCalendarDays(today, kind === 0 ? -40 : -60);
    const due = kind === 2 ? addCalendarDays(today, 20) : addCalendarDays(today, kind === 0 ? -10 : -30);
    return {
      id: stableUuid(`steering-directive:${f.id}`),
      committee_id: committee.id,
      meeting_id: kind === 2 ? null : meetingId,
      flag_id: f.id,
      case_id: f.case_id,
      province_id: f.province_id,
      addressee_unit_id: f.unit_id,
      addressee_user_id: null,
      body: [
        "Khẩn trương hoàn thành định giá, tổ chức bán đấu giá tài sản đã kê biên; báo cáo Ban Chỉ đạo.",
        "Phối hợp với cơ quan công an, chính quyền địa phương xây dựng phương án cưỡng chế giao tài sản.",
        "Rà soát, xác minh bổ sung điều kiện thi hành án của người phải thi hành án.",
      ][kind]!,
      issued_on: issued,
      due_on: due,
      answer: kind === 1 ? "Đã hoàn thành xác minh; tài sản đã được định giá, dự kiến bán đấu giá trong tháng tới." : null,
      answered_on: kind === 1 ? addCalendarDays(due, -5) : null,
    };
  });
  await tx`insert into public.steering_directives ${tx(directives)}`;
  counts.directives += directives.length;

  // Progress reports: every due period except the latest, and for every third case one more gap.
  const cadence = committee.report_cadence as "monthly" | "quarterly";
  const step = cadence === "monthly" ? 1 : 3;
  const reports: Record<string, unknown>[] = [];
  accepted.forEach((f, i) => {
    const periods: string[] = [];
    for (let p = reportPeriodStart(f.decided_on!, cadence); compareDates(addMonths(p, step), today) < 0; p = addMonths(p, step))
      periods.push(p);
    periods.slice(0, -1).forEach((p, k) => {
      if (i % 3 === 0 && k === 1) return;
      reports.push({
        flag_id: f.id,
        committee_id: committee.id,
        case_id: f.case_id,
        province_id: f.province_id,
        unit_id: f.unit_id,
        period_start: p,
        body: "Đã làm việc với người phải thi hành án; tiếp tục xác minh tài sản và đôn đốc tự nguyện thi hành.",
        money_collected: 0n,
        reported_on: addCalendarDays(addMonths(p, step), 2),
      });
    });
  });
  if (reports.length) await tx`insert into public.steering_progress_reports ${tx(reports)}`;
  counts.reports += reports.length;

  if (opts.coercion && accepted[0]) {
    const f = accepted[0];
    await tx`insert into public.steering_coercion_ops ${tx([
      {
        case_id: f.case_id,
        committee_id: committee.id,
        province_id: f.province_id,
        unit_id: f.unit_id,
        planned_on: addCalendarDays(today, 10),
        place: "Trụ sở, nhà xưởng của người phải thi hành án",
        plan: "Cưỡng chế kê biên, giao tài sản cho người mua trúng đấu giá; bảo vệ hiện trường.",
        forces: tx.json([
          { kind: "police", count: 30 },
          { kind: "local_authority", count: 10 },
          { kind: "enforcement_staff", count: 8 },
        ]),
        status: "approved",
        decided_on: addCalendarDays(today, -2),
        decision_note: "Đồng ý phương án; đề nghị công an tỉnh bố trí lực lượng.",
      },
    ])}`;
  }
}
