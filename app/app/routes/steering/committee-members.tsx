import { useMessages } from "../../i18n.ts";
import { AppForm } from "../../components/form.tsx";
import { steeringMessages } from "./messages.ts";
import { StepForm, WrappingField, inputCls, useFieldError } from "./steering-ui.tsx";

// The member roles of the steering_member_role enum (the service's STEERING_MEMBER_ROLES; kept here so the page bundle stays free of server code).
const STEERING_MEMBER_ROLES = ["chair", "secretary", "member"] as const;
type MemberRole = (typeof STEERING_MEMBER_ROLES)[number];

function RoleSelect({ defaultValue }: { defaultValue?: string }) {
  const m = useMessages(steeringMessages);
  return (
    <select name="memberRole" className={inputCls} defaultValue={defaultValue ?? "member"}>
      {STEERING_MEMBER_ROLES.map((r) => (
        <option key={r} value={r}>
          {m(`memberRole.${r}`)}
        </option>
      ))}
    </select>
  );
}

/** The form adding a member to a committee by e-mail, with the member's role. */
export function AddMember({ committeeId }: { committeeId: string }) {
  const m = useMessages(steeringMessages);
  const err = useFieldError("committee_add_member", committeeId);
  return (
    <StepForm intent="committee_add_member" target={committeeId} submit={m("committees.add")}>
      <input type="hidden" name="committeeId" value={committeeId} />
      <WrappingField label={m("committees.email")} error={err("email")}>
        <input name="email" type="text" inputMode="email" autoComplete="off" className={inputCls} />
      </WrappingField>
      <WrappingField label={m("committees.role")} error={err("memberRole")}>
        <RoleSelect />
      </WrappingField>
    </StepForm>
  );
}

/** A committee member, with the forms changing their role and taking them off the committee. */
export function MemberRow({
  member: row,
}: {
  member: { id: string; full_name: string | null; email: string | null; member_role: MemberRole };
}) {
  const m = useMessages(steeringMessages);
  const err = useFieldError("committee_change_role", row.id);
  const removeErr = useFieldError("committee_remove_member", row.id);
  return (
    <tr data-testid="member-row">
      <td className="px-3 py-2">{row.full_name ?? m("committees.profileHidden")}</td>
      <td className="px-3 py-2">{row.email ?? ""}</td>
      <td className="px-3 py-2">
        <span data-testid="member-role" className="font-semibold">
          {m(`memberRole.${row.member_role}`)}
        </span>
        <AppForm className="mt-1 flex items-center gap-2">
          <input type="hidden" name="intent" value="committee_change_role" />
          <input type="hidden" name="memberId" value={row.id} />
          <label className="sr-only" htmlFor={`role-${row.id}`}>
            {m("committees.changeRole")}
          </label>
          <select id={`role-${row.id}`} name="memberRole" className={inputCls} defaultValue={row.member_role}>
            {STEERING_MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {m(`memberRole.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-sm">
            {m("committees.changeRoleSubmit")}
          </button>
        </AppForm>
        {(err("memberRole") ?? err("memberId")) ? (
          <p role="alert" className="text-sm text-red-700">
            {err("memberRole") ?? err("memberId")}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-2">
        <AppForm
          onSubmit={(e) => {
            if (!confirm(m("committees.removeConfirm"))) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="committee_remove_member" />
          <input type="hidden" name="memberId" value={row.id} />
          <button type="submit" className="text-sm text-red-700 underline">
            {m("committees.remove")}
          </button>
        </AppForm>
        {removeErr("memberId") ? (
          <p role="alert" className="text-sm text-red-700">
            {removeErr("memberId")}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
