/**
 * The steering committees' steps: propose a case, accept / decline / remove
 * it, hold a meeting, issue and answer directives, post progress reports,
 * plan and decide coercion operations. Each runs in the caller's transaction
 * (asUserStep: one transaction, rolled back on refusal), under RLS; retries
 * are no-ops by idempotency key; edits carry the version they were read at.
 */
import type { TxSql } from "@thads/db";
import {
  CLOSED_STATUSES,
  addMonths,
  checkPastDate,
  checkPlannedDate,
  todayInVietnam,
  suggestionReasons,
  thresholdProblems,
  type FlagReason,
  type SuggestionThresholds,
  directiveDeadlineProblem,
  flagScopeProblem,
  nextCoercionStatus,
  nextFlagStatus,
  reportPeriodStart,
  type CommitteeKind,
  type FlagStatus,
  type ReportCadence,
  type CoercionStatus,
} from "@thads/domain";
import { conflict, forbiddenStep, type ServiceError, type ServiceResult } from "../shared/errors.ts";
import type { Actor } from "../cases/service.ts";
import type {
  AnswerDirectiveInput,
  CommitteeSettingsInput,
  CoercionDecisionInput,
  CoercionPlanInput,
  DecideFlagInput,
  DirectiveInput,
  MeetingInput,
  MinutesInput,
  ProgressReportInput,
  ProposeFlagInput,
  ReviseDirectiveInput,
} from "./schema.ts";

/** What a stale version names in its conflict message. */
const CHANGED = {
  flag: { vi: "Đề xuất đưa việc vào danh sách theo dõi", en: "this flag" },
  minutes: { vi: "Biên bản cuộc họp", en: "these minutes" },
  directive: { vi: "Ý kiến chỉ đạo", en: "this directive" },
  coercion: { vi: "Phương án cưỡng chế", en: "this coercion plan" },
  settings: { vi: "Thiết lập của Ban Chỉ đạo", en: "the committee's settings" },
} as const;

const refuse = (code: string, message_vi: string, message_en: string, field?: string): { ok: false; error: ServiceError } => ({
  ok: false,
  error: { code, message_vi, message_en, ...(field ? { field } : {}) },
});

const BUREAU_ROLES = ["province_head", "province_staff", "subunit_head"] as const;
const REPORTING_ROLES = ["province_head", "province_staff", "subunit_head", "executor"] as const;
const hasAny = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

interface CommitteeRow {
  id: string;
  kind: CommitteeKind;
  province_id: string | null;
  report_cadence: ReportCadence;
  is_member: boolean;
}

async function loadCommittee(tx: TxSql, committeeId: string): Promise<CommitteeRow | undefined> {
  const [c] = await tx<CommitteeRow[]>`
    select id, kind, province_id, report_cadence,
           id = any (app_private.steering_committees_for()) as is_member
    from public.steering_committees where id = ${committeeId}`;
  return c;
}

const committeeMissing = () =>
  refuse(
    "committee_not_found",
    "Ban Chỉ đạo: không tồn tại hoặc bạn không có quyền với Ban Chỉ đạo này.",
    "Steering committee: not found or not yours.",
    "committeeId",
  );
const notMember = () =>
  refuse("not_member", "Chỉ thành viên của Ban Chỉ đạo này được thực hiện thao tác này.", "Only a member of this committee may do this.");

// ---------------------------------------------------------------------------
// Flags
// ---------------------------------------------------------------------------

/** A bureau proposes one of its cases for a committee's list. */
export async function proposeFlag(
  tx: TxSql,
  input: ProposeFlagInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ flagId: string; duplicate: boolean }>> {
  if (!hasAny(actor, BUREAU_ROLES)) return { ok: false, error: forbiddenStep() };
  const [dup] = await tx<{ id: string }[]>`select id from public.steering_flags where idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, flagId: dup.id, duplicate: true };
  const committee = await loadCommittee(tx, input.committeeId);
  if (!committee) return committeeMissing();
  const [c] = await tx<{ id: string; province_id: string; is_corruption: boolean; status: string }[]>`
    select id, province_id, is_corruption, status from public.cases where id = ${input.caseId}`;
  if (!c)
    return refuse(
      "case_not_found",
      "Việc thi hành án: không tìm thấy, hoặc việc không thuộc phạm vi của bạn.",
      "Case: not found or not in your scope.",
      "caseId",
    );
  const scope = flagScopeProblem(
    { kind: committee.kind, provinceId: committee.province_id },
    { provinceId: c.province_id, isCorruption: c.is_corruption },
  );
  if (scope) return refuse("out_of_scope", scope, "The case is outside this committee's scope.", "committeeId");
  if ((CLOSED_STATUSES as readonly string[]).includes(c.status))
    return refuse(
      "case_closed",
      "Việc thi hành án đã kết thúc (thi hành xong, đình chỉ, đã ủy thác hoặc đã gửi lại yêu cầu): không đề xuất theo dõi.",
      "The case has ended.",
      "caseId",
    );
  const [open] = await tx<{ status: FlagStatus }[]>`
    select status from public.steering_flags
    where committee_id = ${input.committeeId} and case_id = ${input.caseId} and status in ('proposed', 'accepted')`;
  if (open)
    return refuse(
      "already_flagged",
      open.status === "accepted"
        ? "Việc này đã có trong danh sách theo dõi của Ban Chỉ đạo."
        : "Việc này đã được đề xuất và đang chờ Ban Chỉ đạo xem xét.",
      "The case is already on (or proposed for) this list.",
      "caseId",
    );
  const [row] = await tx<{ id: string }[]>`
    insert into public.steering_flags (committee_id, case_id, reason, note, proposed_by, proposed_on, idempotency_key)
    values (${input.committeeId}, ${input.caseId}, ${input.reason}, ${input.note}, ${actor.userId}, ${today}, ${input.idempotencyKey})
    returning id`;
  return { ok: true, flagId: row!.id, duplicate: false };
}

/** The committee accepts or declines a proposal, or takes a case off its list (with the reason). */
export async function decideFlag(
  tx: TxSql,
  input: DecideFlagInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ status: FlagStatus; version: number }>> {
  const [seen] = await tx<{ id: string }[]>`select id from public.steering_flags where id = ${input.flagId}`;
  if (!seen) return refuse("flag_not_found", "Đề xuất: không tìm thấy.", "Proposal not found.", "flagId");
  const [f] = await tx<{ status: FlagStatus; version: number }[]>`
    select status, version from public.steering_flags where id = ${input.flagId} for update`;
  if (!f) return notMember();
  if (f.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.flag) };
  const next = nextFlagStatus(f.status, input.action);
  if (!next)
    return refuse(
      "invalid_transition",
      input.action === "remove" ? "Chỉ đưa ra khỏi danh sách được việc đang theo dõi." : "Đề xuất này đã được xem xét rồi.",
      "This step does not apply to the proposal in its current state.",
    );
  const u = await tx<{ version: number }[]>`
    update public.steering_flags set
      status = ${next},
      decided_by = ${input.action === "remove" ? tx`decided_by` : tx`${actor.userId}`},
      decided_on = ${input.action === "remove" ? tx`decided_on` : tx`${today}`},
      decision_note = ${input.action === "remove" ? tx`decision_note` : tx`${input.note}`},
      removed_on = ${input.action === "remove" ? today : null},
      removed_reason = ${input.action === "remove" ? input.note : null},
      version = version + 1
    where id = ${input.flagId} and version = ${input.expectedVersion}
    returning version`;
  if (!u[0]) return { ok: false, error: conflict(CHANGED.flag) };
  return { ok: true, status: next, version: u[0].version };
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

export async function createMeeting(
  tx: TxSql,
  input: MeetingInput,
  actor: Actor,
  today: string = todayInVietnam(),
): Promise<ServiceResult<{ meetingId: string; duplicate: boolean }>> {
  const [dup] = await tx<{ id: string }[]>`select id from public.steering_meetings where idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, meetingId: dup.id, duplicate: true };
  const badDate = checkPlannedDate(input.heldOn, { field: { key: "heldOn", vi: "Ngày họp", en: "Meeting date" }, today });
  if (badDate) return { ok: false, error: badDate };
  const committee = await loadCommittee(tx, input.committeeId);
  if (!committee) return committeeMissing();
  if (!committee.is_member) return notMember();
  const flagIds = [...new Set(input.flagIds)];
  if (flagIds.length > 0) {
    const found = await tx<{ id: string }[]>`
      select id from public.steering_flags
      where id in ${tx(flagIds)} and committee_id = ${input.committeeId} and status in ('proposed', 'accepted')`;
    if (found.length !== flagIds.length)
      return refuse(
        "agenda_out_of_scope",
        "Chương trình họp: chỉ đưa vào được việc đang theo dõi hoặc chờ xem xét của Ban Chỉ đạo này.",
        "Agenda: only cases on (or proposed for) this committee's list.",
        "flagIds",
      );
  }
  const [m] = await tx<{ id: string }[]>`
    insert into public.steering_meetings (committee_id, held_on, title, created_by, idempotency_key)
    values (${input.committeeId}, ${input.heldOn}, ${input.title}, ${actor.userId}, ${input.idempotencyKey}) returning id`;
  let position = 1;
  for (const flagId of flagIds) {
    await tx`insert into public.steering_meeting_items (meeting_id, flag_id, position) values (${m!.id}, ${flagId}, ${position++})`;
  }
  return { ok: true, meetingId: m!.id, duplicate: false };
}

export async function recordMinutes(tx: TxSql, input: MinutesInput): Promise<ServiceResult<{ version: number }>> {
  const [seen] = await tx<{ id: string }[]>`select id from public.steering_meetings where id = ${input.meetingId}`;
  if (!seen) return refuse("meeting_not_found", "Cuộc họp: không tìm thấy.", "Meeting not found.", "meetingId");
  const [m] = await tx<{ version: number }[]>`select version from public.steering_meetings where id = ${input.meetingId} for update`;
  if (!m) return notMember();
  if (m.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.minutes) };
  const [u] = await tx<{ version: number }[]>`
    update public.steering_meetings set minutes = ${input.minutes}, decisions = ${input.decisions}, version = version + 1
    where id = ${input.meetingId} returning version`;
  return { ok: true, version: u!.version };
}

// ---------------------------------------------------------------------------
// Directives
// ---------------------------------------------------------------------------

export async function issueDirective(
  tx: TxSql,
  input: DirectiveInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ directiveId: string; duplicate: boolean }>> {
  const [dup] = await tx<{ id: string }[]>`select id from public.steering_directives where idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, directiveId: dup.id, duplicate: true };
  const committee = await loadCommittee(tx, input.committeeId);
  if (!committee) return committeeMissing();
  if (!committee.is_member) return notMember();
  const deadline = directiveDeadlineProblem(input.dueOn, today);
  if (deadline) return refuse("bad_deadline", deadline, "Deadline: must be today or later (and within two years).", "dueOn");

  let caseProvince: string | null = committee.province_id;
  if (input.flagId) {
    const [f] = await tx<{ province_id: string }[]>`
      select province_id from public.steering_flags
      where id = ${input.flagId} and committee_id = ${input.committeeId} and status = 'accepted'`;
    if (!f)
      return refuse(
        "flag_not_listed",
        "Việc được chỉ đạo: không có trong danh sách theo dõi của Ban Chỉ đạo này.",
        "The case is not on this committee's list.",
        "flagId",
      );
    caseProvince = f.province_id;
  }
  if (input.meetingId) {
    const [m] = await tx`select 1 from public.steering_meetings where id = ${input.meetingId} and committee_id = ${input.committeeId}`;
    if (!m) return refuse("meeting_not_found", "Cuộc họp: không thuộc Ban Chỉ đạo này.", "Meeting: not this committee's.", "meetingId");
  }
  if (input.addresseeUnitId) {
    const [u] = await tx<{ province_id: string | null; kind: string }[]>`
      select province_id, kind from public.units where id = ${input.addresseeUnitId} and dissolved_on is null`;
    if (!u || u.kind === "national")
      return refuse(
        "bad_addressee",
        "Đơn vị nhận: không tồn tại hoặc không phải cơ quan THADS tỉnh / phòng khu vực.",
        "Addressee unit: not found.",
        "addresseeUnitId",
      );
    if (caseProvince && u.province_id !== caseProvince)
      return refuse(
        "addressee_out_of_scope",
        "Đơn vị nhận: phải là cơ quan THADS của tỉnh có việc thi hành án được chỉ đạo.",
        "Addressee unit: must belong to the case's province.",
        "addresseeUnitId",
      );
  }
  // The person addressed: staff of the committee's scope, which only the database can tell a
  // committee member (it does not read other users' memberships); its refusal names the field.
  let d: { id: string } | undefined;
  try {
    [d] = await tx.savepoint(
      (sp) => sp<{ id: string }[]>`
      insert into public.steering_directives (committee_id, meeting_id, flag_id, addressee_unit_id, addressee_user_id,
                                              body, issued_on, due_on, issued_by, idempotency_key)
      values (${input.committeeId}, ${input.meetingId ?? null}, ${input.flagId ?? null}, ${input.addresseeUnitId ?? null},
              ${input.addresseeUserId ?? null}, ${input.body}, ${today}, ${input.dueOn}, ${actor.userId}, ${input.idempotencyKey})
      returning id`,
    );
  } catch (e) {
    const err = e as { code?: string; constraint_name?: string; column_name?: string };
    if (err.code !== "23514" || err.constraint_name !== "steering_directives_addressee_scope") throw e;
    return err.column_name === "addressee_unit_id"
      ? refuse(
          "addressee_out_of_scope",
          "Đơn vị nhận: phải là cơ quan THADS đang hoạt động thuộc phạm vi của Ban Chỉ đạo.",
          "Addressee unit: must be a current bureau within the committee's scope.",
          "addresseeUnitId",
        )
      : refuse(
          "addressee_out_of_scope",
          "Cá nhân nhận: phải là cán bộ THADS thuộc phạm vi của Ban Chỉ đạo.",
          "Addressee: must be enforcement staff within the committee's scope.",
          "addresseeUserId",
        );
  }
  return { ok: true, directiveId: d!.id, duplicate: false };
}

/** The addressee answers (once); a repeated submission of the same answer is a no-op. */
export async function answerDirective(
  tx: TxSql,
  input: AnswerDirectiveInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ version: number; duplicate: boolean }>> {
  const [seen] = await tx<{ id: string }[]>`select id from public.steering_directives where id = ${input.directiveId}`;
  if (!seen) return refuse("directive_not_found", "Ý kiến chỉ đạo: không tìm thấy.", "Directive not found.", "directiveId");
  const [d] = await tx<{ version: number; answer: string | null; is_addressee: boolean }[]>`
    select version, answer,
           coalesce(addressee_user_id = (select auth.uid())
                    or addressee_unit_id = any (app_private.units_for('{subunit_head,province_head,province_staff}')), false) as is_addressee
    from public.steering_directives where id = ${input.directiveId} for update`;
  // The committee that issued it reaches the row (to revise it) but never answers it itself.
  if (!d?.is_addressee)
    return refuse("not_addressee", "Chỉ đơn vị hoặc cá nhân nhận ý kiến chỉ đạo được trả lời.", "Only the addressee may answer.");
  if (d.answer !== null) {
    if (d.answer === input.answer) return { ok: true, version: d.version, duplicate: true };
    return refuse("already_answered", "Ý kiến chỉ đạo này đã được trả lời.", "This directive has already been answered.", "answer");
  }
  if (d.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.directive) };
  const [u] = await tx<{ version: number }[]>`
    update public.steering_directives set answer = ${input.answer}, answered_on = ${today}, answered_by = ${actor.userId}, version = version + 1
    where id = ${input.directiveId} returning version`;
  return { ok: true, version: u!.version, duplicate: false };
}

/**
 * The committee revises a directive it issued, until the addressee answers: the text and the
 * deadline, with the reason. Stale versions get the conflict message; sending the same revision
 * again changes nothing.
 */
export async function reviseDirective(
  tx: TxSql,
  input: ReviseDirectiveInput,
  _actor: Actor,
  today: string,
): Promise<ServiceResult<{ version: number; changed: boolean }>> {
  const [d] = await tx<
    {
      committee_id: string;
      version: number;
      answer: string | null;
      body: string;
      due_on: string;
      issued_on: string;
      revision_note: string | null;
    }[]
  >`
    select committee_id, version, answer, body, due_on::text, issued_on::text, revision_note
    from public.steering_directives where id = ${input.directiveId}`;
  if (!d) return refuse("directive_not_found", "Ý kiến chỉ đạo: không tìm thấy.", "Directive not found.", "directiveId");
  const committee = await loadCommittee(tx, d.committee_id);
  if (!committee?.is_member) return notMember();
  if (d.body === input.body && d.due_on === input.dueOn && d.revision_note === input.revisionNote)
    return { ok: true, version: d.version, changed: false };
  if (d.answer !== null)
    return refuse(
      "already_answered",
      "Ý kiến chỉ đạo này đã được trả lời: không sửa được nữa.",
      "This directive has been answered and can no longer be changed.",
      "body",
    );
  if (d.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.directive) };
  const deadline = input.dueOn === d.due_on ? null : directiveDeadlineProblem(input.dueOn, today);
  if (deadline) return refuse("bad_deadline", deadline, "Deadline: must be today or later (and within two years).", "dueOn");
  const [u] = await tx<{ version: number }[]>`
    update public.steering_directives
    set body = ${input.body}, due_on = ${input.dueOn}, revised_on = ${today}, revision_note = ${input.revisionNote},
        version = version + 1
    where id = ${input.directiveId} and version = ${input.expectedVersion}
    returning version`;
  if (!u) return { ok: false, error: conflict(CHANGED.directive) };
  return { ok: true, version: u.version, changed: true };
}

// ---------------------------------------------------------------------------
// Progress reports
// ---------------------------------------------------------------------------

export async function postProgressReport(
  tx: TxSql,
  input: ProgressReportInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ reportId: string; periodStart: string; duplicate: boolean }>> {
  if (!hasAny(actor, REPORTING_ROLES)) return { ok: false, error: forbiddenStep() };
  const [dup] = await tx<{ id: string; period_start: string }[]>`
    select id, period_start::text from public.steering_progress_reports where idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, reportId: dup.id, periodStart: dup.period_start, duplicate: true };
  const [f] = await tx<{ status: FlagStatus; cadence: ReportCadence }[]>`
    select f.status, c.report_cadence as cadence
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.id = ${input.flagId}`;
  if (f?.status !== "accepted")
    return refuse(
      "flag_not_listed",
      "Việc được theo dõi: không có trong danh sách theo dõi (hoặc đã được đưa ra khỏi danh sách).",
      "The case is not on a list.",
      "flagId",
    );
  if (input.period > today)
    return refuse("future_period", "Kỳ báo cáo: không được là kỳ chưa đến.", "Period: not in the future.", "period");
  const badPeriod = checkPastDate(input.period, { field: { key: "period", vi: "Kỳ báo cáo", en: "Period" }, today });
  if (badPeriod) return { ok: false, error: badPeriod };
  const periodStart = reportPeriodStart(input.period, f.cadence);
  const [exists] =
    await tx`select 1 from public.steering_progress_reports where flag_id = ${input.flagId} and period_start = ${periodStart}`;
  if (exists)
    return refuse("period_reported", "Kỳ báo cáo: đã có báo cáo tiến độ cho kỳ này.", "A report for this period exists.", "period");
  const [r] = await tx<{ id: string }[]>`
    insert into public.steering_progress_reports (flag_id, period_start, body, reported_by, reported_on, idempotency_key)
    values (${input.flagId}, ${periodStart}, ${input.body}, ${actor.userId}, ${today}, ${input.idempotencyKey}) returning id`;
  return { ok: true, reportId: r!.id, periodStart, duplicate: false };
}

// ---------------------------------------------------------------------------
// Coercion operations
// ---------------------------------------------------------------------------

export async function planCoercion(
  tx: TxSql,
  input: CoercionPlanInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ opId: string; duplicate: boolean }>> {
  if (!hasAny(actor, REPORTING_ROLES)) return { ok: false, error: forbiddenStep() };
  const [dup] = await tx<{ id: string }[]>`select id from public.steering_coercion_ops where idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, opId: dup.id, duplicate: true };
  if (input.plannedOn < today)
    return refuse("past_date", "Ngày cưỡng chế dự kiến: không được là ngày đã qua.", "Planned date: not in the past.", "plannedOn");
  const badPlan = checkPlannedDate(input.plannedOn, {
    field: { key: "plannedOn", vi: "Ngày cưỡng chế dự kiến", en: "Planned date" },
    today,
  });
  if (badPlan) return { ok: false, error: badPlan };
  const [f] =
    await tx`select 1 from public.steering_flags where committee_id = ${input.committeeId} and case_id = ${input.caseId} and status = 'accepted'`;
  if (!f)
    return refuse(
      "flag_not_listed",
      "Ban Chỉ đạo: việc này không có trong danh sách theo dõi của Ban Chỉ đạo đã chọn.",
      "The case is not on this committee's list.",
      "committeeId",
    );
  const [o] = await tx<{ id: string }[]>`
    insert into public.steering_coercion_ops (case_id, committee_id, planned_on, place, plan, forces, created_by, idempotency_key)
    values (${input.caseId}, ${input.committeeId}, ${input.plannedOn}, ${input.place}, ${input.plan},
            ${tx.json(input.forces as never)}, ${actor.userId}, ${input.idempotencyKey}) returning id`;
  return { ok: true, opId: o!.id, duplicate: false };
}

export async function decideCoercion(
  tx: TxSql,
  input: CoercionDecisionInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ status: CoercionStatus; version: number }>> {
  const [o] = await tx<{ status: CoercionStatus; version: number; is_member: boolean }[]>`
    select status, version, committee_id = any (app_private.steering_committees_for()) as is_member
    from public.steering_coercion_ops where id = ${input.opId}`;
  if (!o) return refuse("op_not_found", "Kế hoạch cưỡng chế: không tìm thấy.", "Operation not found.", "opId");
  const committeeStep = input.action === "approve" || input.action === "reject";
  if (committeeStep && !o.is_member) return notMember();
  if (!committeeStep && !hasAny(actor, REPORTING_ROLES)) return { ok: false, error: forbiddenStep() };
  const [locked] = await tx<{ version: number }[]>`select version from public.steering_coercion_ops where id = ${input.opId} for update`;
  if (!locked) return { ok: false, error: forbiddenStep() };
  if (locked.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.coercion) };
  const next = nextCoercionStatus(o.status, input.action);
  if (!next)
    return refuse(
      "invalid_transition",
      "Thao tác này không áp dụng cho kế hoạch cưỡng chế ở trạng thái hiện tại.",
      "Not applicable in the current state.",
    );
  if (input.action === "record_result" && input.executedOn) {
    const [c] = await tx<{ accepted_on: string }[]>`
      select c.accepted_on::text as accepted_on from public.steering_coercion_ops o join public.cases c on c.id = o.case_id where o.id = ${input.opId}`;
    const badDate = checkPastDate(input.executedOn, {
      field: { key: "executedOn", vi: "Ngày thực hiện", en: "Date carried out" },
      today,
      acceptedOn: c?.accepted_on,
    });
    if (badDate) return { ok: false, error: badDate };
  }
  const [u] = await tx<{ version: number }[]>`
    update public.steering_coercion_ops set
      status = ${next},
      decided_by = ${committeeStep ? tx`${actor.userId}` : tx`decided_by`},
      decided_on = ${committeeStep ? tx`${today}` : tx`decided_on`},
      decision_note = ${committeeStep ? tx`${input.note}` : tx`decision_note`},
      executed_on = ${input.action === "record_result" ? tx`${input.executedOn ?? null}` : tx`executed_on`},
      result = ${input.action === "record_result" ? tx`${input.result}` : tx`result`},
      version = version + 1
    where id = ${input.opId} returning version`;
  return { ok: true, status: next, version: u!.version };
}

// ---------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------

export interface Suggestion {
  caseId: string;
  caseNumber: string;
  debtorName: string;
  moneyDue: string;
  moneyCollected: string;
  acceptedOn: string;
  reasons: FlagReason[];
}

/**
 * Cases of the caller's scope that the committee's thresholds suggest for its
 * list and that are not on it (nor proposed): the database narrows the
 * candidates, the domain rule decides and names the reasons. Largest
 * outstanding amount first.
 */
export async function suggestCandidates(tx: TxSql, committeeId: string, today: string, limit = 50): Promise<Suggestion[]> {
  const [c] = await tx<
    { kind: CommitteeKind; province_id: string | null; min_outstanding: bigint; open_years: number; failed_auction_rounds: number }[]
  >`
    select kind, province_id, min_outstanding, open_years, failed_auction_rounds from public.steering_committees where id = ${committeeId}`;
  if (!c) return [];
  const t: SuggestionThresholds = {
    minOutstanding: c.min_outstanding,
    openYears: c.open_years,
    failedAuctionRounds: c.failed_auction_rounds,
  };
  const openBefore = addMonths(today, -12 * t.openYears);
  const rows = await tx<
    {
      id: string;
      case_number: string;
      debtor_name: string;
      money_due: bigint;
      money_collected: bigint;
      accepted_on: string;
      is_corruption: boolean;
      judgment_type: string;
      failed_rounds: number;
      debtor_is_company: boolean;
    }[]
  >`
    select c.id, c.case_number, c.debtor_name, c.money_due, c.money_collected, c.accepted_on::text as accepted_on, c.is_corruption,
           c.judgment_type, app_private.failed_auction_rounds(c.id) as failed_rounds,
           exists (select 1 from public.case_parties p where p.case_id = c.id and p.role = 'debtor' and p.kind = 'organization') as debtor_is_company
    from public.cases c
    where c.status <> all (${CLOSED_STATUSES as unknown as string[]}::public.case_status[])
      ${c.province_id ? tx`and c.province_id = ${c.province_id}` : tx``}
      ${c.kind === "national_anticorruption" ? tx`and c.is_corruption` : tx``}
      and ((${t.minOutstanding > 0n} and c.money_due - c.money_collected >= ${t.minOutstanding})
           or (${t.openYears > 0} and c.accepted_on < ${openBefore})
           or c.is_corruption
           or c.judgment_type = 'bankruptcy'
           or (${t.failedAuctionRounds > 0} and app_private.failed_auction_rounds(c.id) >= ${t.failedAuctionRounds}))
      and not exists (select 1 from public.steering_flags f
                      where f.case_id = c.id and f.committee_id = ${committeeId} and f.status in ('proposed', 'accepted'))
    order by c.money_due - c.money_collected desc, c.id
    limit ${limit * 4}`;
  const out: Suggestion[] = [];
  for (const r of rows) {
    const reasons = suggestionReasons(
      {
        acceptedOn: r.accepted_on,
        closed: false,
        moneyDue: r.money_due,
        moneyCollected: r.money_collected,
        isCorruption: r.is_corruption,
        failedAuctionRounds: r.failed_rounds,
        debtorIsCompany: r.debtor_is_company,
        isBankruptcy: r.judgment_type === "bankruptcy",
      },
      today,
      t,
    );
    if (reasons.length === 0) continue;
    out.push({
      caseId: r.id,
      caseNumber: r.case_number,
      debtorName: r.debtor_name,
      moneyDue: r.money_due.toString(),
      moneyCollected: r.money_collected.toString(),
      acceptedOn: r.accepted_on,
      reasons,
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** The committee's own settings: report cadence and suggestion thresholds (version-checked). */
export async function updateCommitteeSettings(tx: TxSql, input: CommitteeSettingsInput): Promise<ServiceResult<{ version: number }>> {
  const [seen] = await tx`select 1 from public.steering_committees where id = ${input.committeeId}`;
  if (!seen) return committeeMissing();
  const [c] = await tx<{ version: number }[]>`select version from public.steering_committees where id = ${input.committeeId} for update`;
  if (!c) return notMember();
  if (c.version !== input.expectedVersion) return { ok: false, error: conflict(CHANGED.settings) };
  const problems = thresholdProblems({
    minOutstanding: input.minOutstanding,
    openYears: input.openYears,
    failedAuctionRounds: input.failedAuctionRounds,
  });
  if (problems.length) return refuse("bad_threshold", problems.join(" "), "Invalid thresholds.");
  const [u] = await tx<{ version: number }[]>`
    update public.steering_committees set report_cadence = ${input.reportCadence}, min_outstanding = ${input.minOutstanding},
      open_years = ${input.openYears}, failed_auction_rounds = ${input.failedAuctionRounds}, version = version + 1
    where id = ${input.committeeId} returning version`;
  return { ok: true, version: u!.version };
}
