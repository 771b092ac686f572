import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { ACT_LABELS, KIND_LABELS, OUTCOME_LABELS, complaintMessages } from "./messages.ts";

export type ActionData = { intent?: string; formError?: string; fieldErrors?: Record<string, string> };
type Errors = Record<string, string> | undefined;

const INPUT = "w-full rounded border border-slate-300 px-2 py-1";

function TextField({ name, label, errors }: { name: string; label: string; errors: Errors }) {
  const e = errors?.[name];
  return (
    <Field name={name} label={label} error={e}>
      <input {...fieldProps(name, e)} className={INPUT} />
    </Field>
  );
}

/** Classification and routing: the kind, whose act, the act and its date; forwarding when not within competence. */
export function ClassifyForm({ version, units, errors }: { version: number; units: { id: string; name: string }[]; errors: Errors }) {
  const m = useMessages(complaintMessages);
  const lang = useLang();
  return (
    <Section title={m("letter.classify")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="classify-form">
        <input type="hidden" name="intent" value="classify" />
        <input type="hidden" name="version" value={version} />
        <Field name="kind" label="Loại đơn" error={errors?.kind}>
          <select {...fieldProps("kind", errors?.kind)} className={INPUT}>
            {Object.entries(KIND_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="actorUnitId" label="Đơn vị có quyết định, hành vi bị khiếu nại, tố cáo" error={errors?.actorUnitId}>
          <select {...fieldProps("actorUnitId", errors?.actorUnitId)} className={INPUT}>
            <option value="">—</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="actorRole" label="Người có quyết định, hành vi" error={errors?.actorRole}>
          <select {...fieldProps("actorRole", errors?.actorRole)} className={INPUT}>
            <option value="">—</option>
            <option value="executor">Chấp hành viên</option>
            <option value="head">Thủ trưởng / Trưởng phòng</option>
          </select>
        </Field>
        <Field name="actKind" label="Loại quyết định, hành vi" error={errors?.actKind}>
          <select {...fieldProps("actKind", errors?.actKind)} className={INPUT}>
            <option value="">—</option>
            {Object.entries(ACT_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <TextField name="actKnownOn" label="Ngày nhận quyết định / biết hành vi (dd/mm/yyyy)" errors={errors} />
        <Field name="round" label="Lần khiếu nại" error={errors?.round}>
          <select {...fieldProps("round", errors?.round)} className={INPUT}>
            <option value="1">Lần đầu</option>
            <option value="2">Lần hai</option>
          </select>
        </Field>
        <TextField name="firstDecisionOn" label="Ngày nhận quyết định giải quyết lần đầu (khiếu nại lần hai)" errors={errors} />
        <TextField name="forwardTo" label="Chuyển đến cơ quan (đơn không thuộc thẩm quyền)" errors={errors} />
        <TextField name="forwardingLetterNo" label="Số công văn chuyển đơn" errors={errors} />
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="classify-submit">
          {m("letter.save")}
        </button>
      </AppForm>
    </Section>
  );
}

export function AcceptForm({ version, denunciation, errors }: { version: number; denunciation: boolean; errors: Errors }) {
  const m = useMessages(complaintMessages);
  return (
    <Section title={m("letter.accept")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="accept-form">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="version" value={version} />
        <TextField name="acceptedOn" label="Ngày thụ lý (dd/mm/yyyy)" errors={errors} />
        {denunciation ? (
          <Field name="complexity" label="Tính chất vụ việc" error={errors?.complexity}>
            <select {...fieldProps("complexity", errors?.complexity)} className={INPUT}>
              <option value="normal">Thông thường</option>
              <option value="complex">Phức tạp</option>
              <option value="very_complex">Đặc biệt phức tạp</option>
            </select>
          </Field>
        ) : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="extended" /> Gia hạn (vụ việc phức tạp, vùng sâu, vùng xa)
          </label>
        )}
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="accept-submit">
          {m("letter.accept")}
        </button>
      </AppForm>
    </Section>
  );
}

export function ResolveForm({ version, errors }: { version: number; errors: Errors }) {
  const m = useMessages(complaintMessages);
  const lang = useLang();
  return (
    <Section title={m("letter.resolve")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="resolve-form">
        <input type="hidden" name="intent" value="resolve" />
        <input type="hidden" name="version" value={version} />
        <TextField name="resolvedOn" label="Ngày giải quyết (dd/mm/yyyy)" errors={errors} />
        <Field name="outcome" label="Kết quả giải quyết" error={errors?.outcome}>
          <select {...fieldProps("outcome", errors?.outcome)} className={INPUT}>
            {Object.entries(OUTCOME_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <TextField name="decisionNo" label="Số quyết định giải quyết" errors={errors} />
        <TextField name="note" label="Nội dung giải quyết" errors={errors} />
        <Field name="caseEffect" label={m("letter.caseEffect")} error={errors?.caseEffect}>
          <select {...fieldProps("caseEffect", errors?.caseEffect)} className={INPUT}>
            <option value="none">Không</option>
            <option value="step_annulled">Hủy bỏ một bước thi hành án</option>
            <option value="step_redone">Thực hiện lại một bước thi hành án</option>
          </select>
        </Field>
        <TextField name="caseEffectNote" label="Bước thi hành án bị hủy / làm lại" errors={errors} />
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="resolve-submit">
          {m("letter.resolve")}
        </button>
      </AppForm>
    </Section>
  );
}
