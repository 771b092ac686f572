import type { TxSql } from "@thads/db";
import {
  acceptanceClock,
  addCalendarDays,
  addWorkingDays,
  competentLevel,
  complaintLimitation,
  complaintResolutionClock,
  compareDates,
  denunciationResolutionClock,
  isLate,
  newTrackingCode,
  type ActorLevel,
  type ComplaintActKind,
  type HandlerLevel,
  type LetterChannel,
  type LetterKind,
  type LetterStatus,
  type ResolutionOutcome,
} from "@thads/domain";
import type { DemoModel, UnitRow } from "./model.ts";
import { address, citizenId, personName, phone } from "./names.ts";
import { rng, stableUuid, weighted } from "./prng.ts";

/**
 * Complaint and denunciation letters of the last fourteen months in every province: received by
 * the province bureau and its first three offices through every channel, classified and routed to
 * the competent level, accepted and resolved with the legal clocks of the domain (mostly on time,
 * a few late; the recent ones still open, some overdue), with a few late complaints, duplicates
 * and letters outside competence. The mix follows the bureaus' reports: most letters are
 * complaints, most complaints are rejected.
 */

const SUMMARIES: Record<"complaint" | "denunciation" | "petition" | "not_competent", readonly string[]> = {
  complaint: [
    "Khiếu nại quyết định cưỡng chế kê biên quyền sử dụng đất",
    "Khiếu nại việc chấp hành viên chậm tổ chức thi hành án",
    "Khiếu nại quyết định phong tỏa tài khoản",
    "Khiếu nại việc định giá tài sản kê biên thấp hơn giá thị trường",
    "Khiếu nại quyết định khấu trừ thu nhập",
    "Khiếu nại việc phân chia tiền thi hành án",
  ],
  denunciation: [
    "Tố cáo chấp hành viên nhận tiền của người phải thi hành án",
    "Tố cáo chấp hành viên cố ý kéo dài việc thi hành án",
    "Tố cáo cán bộ thi hành án tiết lộ thông tin của người tố cáo",
  ],
  petition: [
    "Kiến nghị được xác minh lại điều kiện thi hành án",
    "Phản ánh thái độ tiếp công dân của cán bộ một cửa",
    "Kiến nghị hoãn thi hành án vì hoàn cảnh khó khăn",
  ],
  not_competent: [
    "Đề nghị xem xét lại bản án phúc thẩm",
    "Khiếu nại quyết định thu hồi đất của Ủy ban nhân dân",
    "Tranh chấp hợp đồng thuê nhà chưa có bản án",
  ],
};
interface Letter {
  id: string;
  province_id: string;
  unit_id: string;
  channel: LetterChannel;
  received_on: string;
  tracking_code: string;
  idempotency_key: string;
  forwarded_by: string | null;
  summary: string;
  content: string;
  case_ids: string[];
  duplicate_of: string | null;
  kind: LetterKind | null;
  act_kind: ComplaintActKind | null;
  actor_level: ActorLevel | null;
  subject_user_id: string | null;
  act_known_on: string | null;
  handler_level: HandlerLevel | null;
  handler_unit_id: string | null;
  forward_to: string | null;
  forwarding_letter_no: string | null;
  limitation_last_day: string | null;
  late: boolean;
  accept_due_on: string | null;
  accepted_on: string | null;
  resolve_due_on: string | null;
  citation: string | null;
  resolved_on: string | null;
  outcome: ResolutionOutcome | null;
  decision_no: string | null;
  status: LetterStatus;
  created_by: string | null;
}

const FORWARD_TO = ["Tòa án nhân dân cấp tỉnh", "Ủy ban nhân dân cấp tỉnh", "Viện kiểm sát nhân dân cấp tỉnh"];

export async function seedComplaints(tx: TxSql, model: DemoModel, today: string): Promise<{ letters: number }> {
  const r = rng(2609);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
  const provinces = model.units.filter((u) => u.kind === "province" && !u.dissolved_on);
  const offices = new Map<string, UnitRow[]>();
  for (const u of model.units) {
    if (u.kind !== "subunit" || u.dissolved_on || !u.province_id) continue;
    const list = offices.get(u.province_id) ?? [];
    list.push(u);
    offices.set(u.province_id, list);
  }
  for (const list of offices.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  const clerkOf = new Map<string, string>();
  const staffOf = new Map<string, string[]>();
  for (const u of model.users) {
    for (const m of u.memberships) {
      if (!m.unit_id) continue;
      if (m.role === "clerk" || m.role === "province_staff") clerkOf.set(m.unit_id, clerkOf.get(m.unit_id) ?? u.id);
      if (m.role === "executor" || m.role === "subunit_head") staffOf.set(m.unit_id, [...(staffOf.get(m.unit_id) ?? []), u.id]);
    }
  }
  const casesOf = new Map<string, string[]>();
  for (const row of await tx<{ unit_id: string; ids: string[] }[]>`
    select unit_id, (array_agg(id order by id))[1:6] as ids from public.cases group by unit_id`) {
    casesOf.set(row.unit_id, row.ids);
  }
  // A case on a steering committee's list in each province that has one: its first letter is about it,
  // so the committee sees complaints about the cases it follows.
  const flaggedOf = new Map<string, string>();
  for (const row of await tx<{ province_id: string; case_id: string }[]>`
    select c.province_id, min(f.case_id::text)::uuid as case_id
      from public.steering_flags f join public.cases c on c.id = f.case_id
     where f.status = 'accepted' group by c.province_id`) {
    flaggedOf.set(row.province_id, row.case_id);
  }

  const letters: Letter[] = [];
  const senders: Record<string, unknown>[] = [];
  for (const p of provinces) {
    const units = [p, ...(offices.get(p.id) ?? []).slice(0, 3)];
    const count = 10 + Math.floor(r() * 10);
    const earlier: Letter[] = [];
    for (let i = 0; i < count; i++) {
      const id = stableUuid(`complaint:${p.code}:${i}`);
      const unit = units[Math.floor(r() * units.length)]!;
      // The last two of each province arrived this week; the last one is still to be classified.
      const recent = i >= count - 2;
      const receivedOn = recent
        ? addCalendarDays(today, -Math.floor(r() * 4))
        : addWorkingDays(addCalendarDays(today, -Math.floor(r() * 420) - 1), 0);
      if (compareDates(receivedOn, today) > 0) continue;
      const channel = weighted<LetterChannel>(r, [
        ["desk", 5],
        ["post", 3],
        ["online", 2],
        ["forwarded", 1],
      ]);
      const kind = weighted<LetterKind>(r, [
        ["complaint", 55],
        ["denunciation", 12],
        ["petition", 18],
        ["not_competent", 15],
      ]);
      const summary = SUMMARIES[kind][Math.floor(r() * SUMMARIES[kind].length)]!;
      const cases = casesOf.get(unit.kind === "subunit" ? unit.id : (units[1]?.id ?? unit.id)) ?? [];
      const drawn = kind === "not_competent" || cases.length === 0 ? [] : [cases[Math.floor(r() * cases.length)]!];
      const flagged = flaggedOf.get(p.id);
      const caseIds = i === 0 && kind !== "not_competent" && flagged ? [flagged] : drawn;
      const base: Letter = {
        id,
        province_id: p.id,
        unit_id: unit.id,
        channel,
        received_on: receivedOn,
        tracking_code: newTrackingCode(bytes),
        idempotency_key: stableUuid(`complaint-key:${p.code}:${i}`),
        forwarded_by: channel === "forwarded" ? "Ban Tiếp công dân cấp tỉnh" : null,
        summary,
        content: `${summary}. Đề nghị cơ quan thi hành án dân sự xem xét, giải quyết theo quy định của pháp luật.`,
        case_ids: caseIds,
        duplicate_of: null,
        kind: null,
        act_kind: null,
        actor_level: null,
        subject_user_id: null,
        act_known_on: null,
        handler_level: null,
        handler_unit_id: null,
        forward_to: null,
        forwarding_letter_no: null,
        limitation_last_day: null,
        late: false,
        accept_due_on: null,
        accepted_on: null,
        resolve_due_on: null,
        citation: null,
        resolved_on: null,
        outcome: null,
        decision_no: null,
        status: "received",
        created_by: clerkOf.get(unit.id) ?? null,
      };
      const secret = kind === "denunciation" && r() < 0.5;
      senders.push({
        letter_id: id,
        full_name: personName(r),
        id_number: r() < 0.7 ? citizenId(r) : null,
        phone: phone(r),
        address: address(r, p.name.replace(/^Thi hành án dân sự /, ""), r() < 0.5),
        keep_identity_secret: secret,
      });
      const age = compareDates(today, receivedOn) > 0 ? Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86_400_000) : 0;
      // A duplicate of an earlier letter of the same office: linked, filed, not counted again.
      const original = earlier.find(
        (e) => e.unit_id === unit.id && e.kind === kind && kind !== "not_competent" && compareDates(e.received_on, receivedOn) <= 0,
      );
      if (original && r() < 0.15) {
        const { act_kind, actor_level, act_known_on, handler_level, handler_unit_id, subject_user_id } = original;
        letters.push({
          ...base,
          ...{ act_kind, actor_level, act_known_on, handler_level, handler_unit_id, subject_user_id },
          kind,
          duplicate_of: original.id,
          status: "filed",
        });
        continue;
      }
      if ((age < 3 && r() < 0.6) || i === count - 1) {
        letters.push(base);
        continue;
      }
      const l: Letter = { ...base, kind };
      if (kind === "not_competent") {
        l.status = "forwarded";
        l.forward_to = FORWARD_TO[Math.floor(r() * FORWARD_TO.length)]!;
        l.forwarding_letter_no = `${10 + i}/CV-THADS`;
        l.handler_unit_id = unit.id;
      } else if (kind === "petition") {
        l.status = age > 10 ? "filed" : "classified";
        l.handler_unit_id = unit.id;
      } else {
        // Whose act: an office's executor or head, or the province bureau's.
        const office = unit.kind === "subunit" ? unit : (units[1 + Math.floor(r() * (units.length - 1))] ?? unit);
        const head = r() < 0.3;
        const actor: ActorLevel =
          office.kind === "subunit" ? (head ? "regional_head" : "regional_executor") : head ? "province_head" : "province_executor";
        const level = competentLevel(actor, 1)!;
        l.actor_level = actor;
        l.handler_level = level;
        l.handler_unit_id = level === "regional_head" ? office.id : p.id;
        const staff = staffOf.get(office.id) ?? [];
        l.subject_user_id = staff.length > 0 && (kind === "denunciation" || r() < 0.5) ? staff[Math.floor(r() * staff.length)]! : null;
        const citations: string[] = [];
        if (kind === "complaint") {
          const act = weighted<ComplaintActKind>(r, [
            ["before_coercion", 3],
            ["account_freeze", 1],
            ["security_measure", 1],
            ["coercion", 4],
            ["after_coercion", 1],
          ]);
          const lateOne = r() < 0.08;
          const knownOn = addCalendarDays(receivedOn, -(lateOne ? 35 + Math.floor(r() * 40) : 1 + Math.floor(r() * 8)));
          const lim = complaintLimitation({ act, round: 1, knownOn });
          l.act_kind = act;
          l.act_known_on = knownOn;
          l.limitation_last_day = lim.lastDay;
          l.late = isLate(lim, receivedOn);
          citations.push(lim.citation);
        }
        const acc = acceptanceClock(kind, 1, receivedOn);
        l.accept_due_on = acc.lastDay;
        citations.push(acc.citation);
        l.status = "classified";
        const acceptedOn = addWorkingDays(receivedOn, 1 + Math.floor(r() * 3));
        // Recent letters, and a few older ones left overdue, wait to be accepted.
        if (compareDates(acceptedOn, today) <= 0 && !l.late && r() > 0.05) {
          const clock =
            kind === "complaint"
              ? complaintResolutionClock({ act: l.act_kind!, round: 1, acceptedOn })
              : denunciationResolutionClock(acceptedOn, "normal");
          l.accepted_on = acceptedOn;
          l.resolve_due_on = clock.lastDay;
          citations.push(clock.citation);
          l.status = "accepted";
          const span = Math.round((Date.parse(clock.lastDay) - Date.parse(acceptedOn)) / 86_400_000);
          const resolvedOn = addCalendarDays(acceptedOn, r() < 0.88 ? 1 + Math.floor(r() * span) : span + 1 + Math.floor(r() * 20));
          if (compareDates(resolvedOn, today) < 0 && r() > 0.1) {
            l.resolved_on = resolvedOn;
            l.outcome = weighted<ResolutionOutcome>(r, [
              ["rejected", 60],
              ["partly_upheld", 15],
              ["upheld", 10],
              ["withdrawn", 15],
            ]);
            l.decision_no = `${1 + i}/QĐ-GQ${kind === "complaint" ? "KN" : "TC"}`;
            l.status = "resolved";
          }
        }
        l.citation = citations.join(" · ");
      }
      letters.push(l);
      earlier.push(l);
    }
  }
  if (letters.length > 0) {
    await tx`insert into public.complaint_letters ${tx(letters as unknown as Record<string, string>[])}`;
    await tx`insert into public.complaint_senders ${tx(senders as Record<string, string>[])}`;
  }
  return { letters: letters.length };
}
