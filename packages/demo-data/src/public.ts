/**
 * Demo content of the provincial public pages and the one-stop desk: each province's
 * introduction, desk hours and an announcement, and a handful of requests in every state of the
 * desk (some late, some rated), so the desk queue, the metrics and the status page show something.
 */
import type { TxSql } from "@thads/db";
import {
  addCalendarDays,
  addWorkingDays,
  newTrackingCode,
  PROCEDURES,
  requestDueOn,
  type RequestKind,
  type RequestStatus,
} from "@thads/domain";
import { DEFAULT_TODAY } from "./cases.ts";
import type { DemoModel } from "./model.ts";
import { address, citizenId, personName, phone } from "./names.ts";
import { pick, rng, stableUuid } from "./prng.ts";

interface Plan {
  kind: RequestKind;
  status: RequestStatus;
  /** Calendar days before today it was filed. */
  ageDays: number;
  /** Working days after the due date it was closed (negative: before). */
  closedOffset?: number;
  rating?: number;
  desk?: boolean;
}

const PLANS: Plan[] = [
  { kind: "enforcement_request", status: "submitted", ageDays: 1 },
  { kind: "result_confirmation", status: "received", ageDays: 3 },
  { kind: "enforcement_request", status: "processing", ageDays: 6 },
  { kind: "executor_change", status: "processing", ageDays: 20 },
  { kind: "result_confirmation", status: "returned", ageDays: 25, closedOffset: -2, rating: 5 },
  { kind: "fee_exemption", status: "returned", ageDays: 30, closedOffset: 0, rating: 4, desk: true },
  { kind: "complaint", status: "returned", ageDays: 35, closedOffset: 3, rating: 2 },
  { kind: "coercion_cost_exemption", status: "rejected", ageDays: 15, closedOffset: -3 },
  { kind: "denunciation", status: "received", ageDays: 2, desk: true },
];

const RESULTS: Partial<Record<RequestKind, string>> = {
  result_confirmation: "Đã cấp văn bản xác nhận kết quả thi hành án.",
  fee_exemption: "Quyết định giảm 50% phí thi hành án.",
  complaint: "Đã thụ lý đơn khiếu nại; quyết định giải quyết khiếu nại đã được gửi cho người khiếu nại.",
  coercion_cost_exemption: "Không đủ căn cứ miễn, giảm: thiếu xác nhận hoàn cảnh khó khăn.",
};

export async function seedPublic(tx: TxSql, model: DemoModel, opts: { today?: string } = {}): Promise<{ pages: number; requests: number }> {
  const today = opts.today ?? DEFAULT_TODAY;
  const r = rng(2044);
  const byteRng = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
  const [{ replica }] = (await tx`select current_setting('session_replication_role') = 'replica' as replica`) as unknown as [
    { replica: boolean },
  ];
  const provinces = model.units.filter((u) => u.kind === "province" && !u.dissolved_on);
  const firstSubunit = new Map<string, string>();
  for (const u of model.units)
    if (u.kind === "subunit" && !u.dissolved_on && u.province_id && !firstSubunit.has(u.province_id)) firstSubunit.set(u.province_id, u.id);

  let requests = 0;
  for (const p of provinces) {
    const name = p.name;
    await tx`
      insert into public.public_pages (province_id, unit_id, intro, contacts, desk_hours, procedures_note)
      values (${p.id}, ${p.id},
        ${`${name} tổ chức thi hành các bản án, quyết định dân sự trên địa bàn; tiếp nhận yêu cầu thi hành án trực tuyến và tại bộ phận một cửa; công khai danh sách người phải thi hành án chưa có điều kiện thi hành theo Điều 44a Luật Thi hành án dân sự.`},
        ${`Bộ phận một cửa: ${p.address ?? name}. Thư điện tử: ${p.email ?? ""}`},
        'Sáng 7h30–11h30, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ).',
        'Hồ sơ nộp trực tuyến được tiếp nhận trong giờ hành chính; thời hạn giải quyết tính theo ngày làm việc kể từ ngày nhận yêu cầu.')`;
    await tx`
      insert into public.public_announcements (id, province_id, unit_id, title, body, published_on)
      values (${stableUuid(`announcement:${p.id}:1`)}, ${p.id}, ${p.id},
        'Tiếp nhận yêu cầu thi hành án trực tuyến',
        ${`Từ nay, người được thi hành án, người phải thi hành án có thể gửi yêu cầu thi hành án, đề nghị xác nhận kết quả thi hành án, khiếu nại, tố cáo trực tuyến tại trang này và tra cứu kết quả bằng mã tra cứu.`},
        ${addCalendarDays(today, -14)})`;

    for (const [i, plan] of PLANS.entries()) {
      const id = stableUuid(`request:${p.id}:${i}`);
      const unitId = i % 2 === 0 ? p.id : (firstSubunit.get(p.id) ?? p.id);
      const submittedOn = addCalendarDays(today, -plan.ageDays);
      const dueOn = requestDueOn(plan.kind, submittedOn);
      const receivedOn = plan.status === "submitted" ? null : addWorkingDays(submittedOn, 0);
      const closedOn = plan.closedOffset === undefined ? null : addWorkingDays(dueOn, plan.closedOffset);
      const person = personName(r);
      const idNumber = citizenId(r);
      const tel = phone(r);
      const note = plan.status === "returned" || plan.status === "rejected" ? (RESULTS[plan.kind] ?? "Đã trả kết quả.") : null;
      const details =
        plan.kind === "enforcement_request"
          ? {
              content: "Đề nghị cơ quan thi hành án ra quyết định thi hành án theo bản án đã có hiệu lực.",
              judgmentCourt: `Tòa án nhân dân ${name}`,
              judgmentNumber: `${10 + i}/2026/DS-ST`,
              judgmentDate: addCalendarDays(today, -60),
              debtorName: personName(r),
              debtorAddress: address(r, name, true),
            }
          : { content: `${PROCEDURES[plan.kind].name.vi}: đề nghị cơ quan xem xét, giải quyết.`, caseReference: `${100 + i}/QĐ-THADS` };
      const row = {
        id,
        province_id: p.id,
        unit_id: unitId,
        kind: plan.kind,
        status: replica ? plan.status : "submitted",
        channel: plan.desk ? "desk" : "online",
        tracking_code: newTrackingCode(byteRng),
        idempotency_key: stableUuid(`request-key:${id}`),
        requester_name: person,
        requester_id_number: idNumber,
        requester_phone: tel,
        requester_email: null,
        requester_address: address(r, name, pick(r, [true, false])),
        factor_keys: [tel, idNumber],
        details,
        submitted_on: submittedOn,
        submitted_at: new Date(`${submittedOn}T09:00:00+07:00`),
        received_on: replica ? receivedOn : null,
        due_on: replica && receivedOn ? dueOn : null,
        closed_on: replica ? closedOn : null,
        result_note: replica ? note : null,
      };
      await tx`insert into public.service_requests ${tx(row as never)}`;
      const steps: { status: RequestStatus; on: string }[] = [{ status: "submitted", on: submittedOn }];
      if (receivedOn) steps.push({ status: "received", on: receivedOn });
      if (plan.status === "processing" || plan.status === "returned")
        steps.push({ status: "processing", on: addWorkingDays(receivedOn!, 1) });
      if (closedOn) steps.push({ status: plan.status, on: closedOn });
      if (replica) {
        for (const [k, s] of steps.entries()) {
          await tx`insert into public.service_request_events (request_id, province_id, unit_id, from_status, to_status, note, at)
                   values (${id}, ${p.id}, ${unitId}, ${k ? steps[k - 1]!.status : null}, ${s.status},
                           ${k === steps.length - 1 ? note : null}, ${new Date(`${s.on}T10:00:00+07:00`)})`;
        }
      } else {
        // Triggers on: walk the desk's state machine (the history is written by trigger).
        for (const s of steps.slice(1)) {
          await tx`update public.service_requests set status = ${s.status}, due_on = ${dueOn},
                   received_on = ${receivedOn}, result_note = ${s.status === "returned" || s.status === "rejected" ? note : null}
                   where id = ${id}`;
        }
      }
      if (plan.rating) {
        await tx`insert into public.service_ratings (request_id, province_id, unit_id, score, comment)
                 values (${id}, ${p.id}, ${unitId}, ${plan.rating}, ${plan.rating >= 4 ? "Cán bộ hướng dẫn tận tình." : "Giải quyết chậm."})`;
      }
      requests++;
    }
  }
  return { pages: provinces.length, requests };
}
