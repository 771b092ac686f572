import { Form, Link, redirect, useLoaderData, useRouteLoaderData, useSearchParams } from "react-router";
import { hasRole } from "@thads/domain";
import { managedCommittees } from "@thads/core/steering";
import type { Route } from "./+types/steering-committees";
import { PageHeader, Section, Table } from "../components/ui.tsx";
import { parseLang, useLang, type Lang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { isCommitteeIntent, runCommitteeIntent } from "./steering-committees.server.ts";
import { Field, StepForm, inputCls, useFieldError } from "./steering-ui.tsx";

/** Committee management: national administrators (every committee) and province heads (their province's). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const isAdmin = hasRole(user.memberships, "national_admin");
  if (!isAdmin && !hasRole(user.memberships, "province_head")) forbidden();
  const committees = await asUser(user, (tx) => managedCommittees(tx));
  const headed = user.memberships.filter((m) => m.role === "province_head" && m.unitId);
  const withoutCommittee = headed
    .filter((m) => !committees.some((c) => c.kind === "province" && c.province_id === m.unitId))
    .map((m) => ({ id: m.unitId!, name: m.unitName ?? "" }));
  return { isAdmin, committees, withoutCommittee };
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "national_admin", "province_head")) forbidden();
  const form = await readForm(request, lang);
  const intent = String(form.get("intent") ?? "");
  if (!isCommitteeIntent(intent)) forbidden();
  const r = await runCommitteeIntent(intent, form, user, lang);
  if ("ok" in r && r.ok) return redirect(`/steering/committees?done=${intent}`);
  return r;
}

// The member roles of the steering_member_role enum (the service's STEERING_MEMBER_ROLES; kept here so the page bundle stays free of server code).
const STEERING_MEMBER_ROLES = ["chair", "secretary", "member"] as const;
const MEMBER_ROLE_LABELS: Record<(typeof STEERING_MEMBER_ROLES)[number], { vi: string; en: string }> = {
  chair: { vi: "Trưởng ban", en: "Chair" },
  secretary: { vi: "Thư ký", en: "Secretary" },
  member: { vi: "Thành viên", en: "Member" },
};
const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  province: { vi: "Ban Chỉ đạo THADS tỉnh", en: "Province committee" },
  national_anticorruption: { vi: "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng", en: "Central anti-corruption committee" },
  ad_hoc: { vi: "Ban Chỉ đạo chuyên đề", en: "Ad-hoc committee" },
};
const DONE: Record<string, { vi: string; en: string }> = {
  committee_create: { vi: "Đã lập Ban Chỉ đạo.", en: "Committee set up." },
  committee_add_member: { vi: "Đã thêm thành viên.", en: "Member added." },
  committee_change_role: { vi: "Đã đổi vai trò.", en: "Role changed." },
  committee_remove_member: { vi: "Đã đưa thành viên ra khỏi Ban.", en: "Member removed." },
};

function RoleSelect({ lang, defaultValue }: { lang: Lang; defaultValue?: string }) {
  return (
    <select name="memberRole" className={inputCls} defaultValue={defaultValue ?? "member"}>
      {STEERING_MEMBER_ROLES.map((r) => <option key={r} value={r}>{MEMBER_ROLE_LABELS[r][lang]}</option>)}
    </select>
  );
}

export default function SteeringCommittees() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const createErr = useFieldError("committee_create");
  return (
    <>
      <p className="text-sm"><Link to={d.isAdmin ? "/steering/national" : "/"} className="underline">{vi ? "← Quay lại" : "← Back"}</Link></p>
      <PageHeader title={vi ? "Quản lý Ban Chỉ đạo THADS" : "Manage steering committees"}
        subtitle={vi ? "Lập Ban Chỉ đạo, thêm thành viên, phân công Trưởng ban và Thư ký" : "Set up committees, add members, assign chair and secretary"} />
      {done ? <p role="status" className="mb-4 rounded border border-green-200 bg-green-50 p-2 text-sm text-green-800">{done[lang]}</p> : null}

      {d.withoutCommittee.map((p) => (
        <Section key={p.id} title={vi ? `${p.name}: chưa có Ban Chỉ đạo` : `${p.name}: no committee yet`}>
          <StepForm intent="committee_create" submit={vi ? "Lập Ban Chỉ đạo THADS của tỉnh" : "Set up the province committee"}>
            <input type="hidden" name="kind" value="province" />
            <input type="hidden" name="provinceId" value={p.id} />
          </StepForm>
        </Section>
      ))}

      {d.committees.length === 0 && d.withoutCommittee.length === 0 ? (
        <p className="text-sm text-slate-600">{vi ? "Bạn chưa quản lý Ban Chỉ đạo nào." : "You manage no committee yet."}</p>
      ) : null}

      {d.committees.map((c) => (
        <section key={c.id} data-testid="committee" className="mb-8 rounded border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">{c.name}</h2>
          <p className="mb-3 text-sm text-slate-600">{KIND_LABELS[c.kind]?.[lang]}{c.province_name ? ` · ${c.province_name}` : ""}</p>
          <Table head={vi ? ["Họ tên", "E-mail", "Vai trò trong Ban", ""] : ["Name", "E-mail", "Role", ""]}>
            {c.members.map((m) => (
              <MemberRow key={m.id} member={m} lang={lang} />
            ))}
          </Table>
          {c.members.length === 0 ? <p className="mt-2 text-sm text-slate-600">{vi ? "Ban chưa có thành viên." : "No members yet."}</p> : null}
          <div className="mt-4" data-testid="add-member">
            <h3 className="mb-2 font-semibold">{vi ? "Thêm thành viên" : "Add a member"}</h3>
            <AddMember committeeId={c.id} lang={lang} />
          </div>
        </section>
      ))}

      {d.isAdmin ? (
        <Section title={vi ? "Lập Ban Chỉ đạo chuyên đề" : "Set up an ad-hoc committee"}>
          <StepForm intent="committee_create" submit={vi ? "Lập Ban Chỉ đạo chuyên đề" : "Set up"}>
            <input type="hidden" name="kind" value="ad_hoc" />
            <Field label={vi ? "Tên Ban Chỉ đạo" : "Committee name"} error={createErr("name")}>
              <input name="name" className={inputCls} maxLength={300} />
            </Field>
          </StepForm>
        </Section>
      ) : null}
    </>
  );
}

function AddMember({ committeeId, lang }: { committeeId: string; lang: Lang }) {
  const vi = lang === "vi";
  const err = useFieldError("committee_add_member", committeeId);
  return (
    <StepForm intent="committee_add_member" target={committeeId} submit={vi ? "Thêm vào Ban" : "Add"}>
      <input type="hidden" name="committeeId" value={committeeId} />
      <Field label={vi ? "E-mail thành viên" : "Member e-mail"} error={err("email")}>
        <input name="email" type="text" inputMode="email" autoComplete="off" className={inputCls} />
      </Field>
      <Field label={vi ? "Vai trò trong Ban" : "Role"} error={err("memberRole")}>
        <RoleSelect lang={lang} />
      </Field>
    </StepForm>
  );
}

function MemberRow({ member: m, lang }: { member: { id: string; full_name: string | null; email: string | null; member_role: "chair" | "secretary" | "member" }; lang: Lang }) {
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const err = useFieldError("committee_change_role", m.id);
  const removeErr = useFieldError("committee_remove_member", m.id);
  return (
    <tr data-testid="member-row">
      <td className="px-3 py-2">{m.full_name ?? (vi ? "(ngoài phạm vi xem hồ sơ)" : "(profile not visible)")}</td>
      <td className="px-3 py-2">{m.email ?? ""}</td>
      <td className="px-3 py-2">
        <span data-testid="member-role" className="font-semibold">{MEMBER_ROLE_LABELS[m.member_role][lang]}</span>
        <Form method="post" className="mt-1 flex items-center gap-2">
          <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
          <input type="hidden" name="intent" value="committee_change_role" />
          <input type="hidden" name="memberId" value={m.id} />
          <label className="sr-only" htmlFor={`role-${m.id}`}>{vi ? "Đổi vai trò" : "Change role"}</label>
          <select id={`role-${m.id}`} name="memberRole" className={inputCls} defaultValue={m.member_role}>
            {STEERING_MEMBER_ROLES.map((r) => <option key={r} value={r}>{MEMBER_ROLE_LABELS[r][lang]}</option>)}
          </select>
          <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-sm">{vi ? "Đổi vai trò" : "Change"}</button>
        </Form>
        {err("memberRole") ?? err("memberId") ? <p role="alert" className="text-sm text-red-700">{err("memberRole") ?? err("memberId")}</p> : null}
      </td>
      <td className="px-3 py-2">
        <Form method="post" onSubmit={(e) => { if (!confirm(vi ? "Đưa thành viên này ra khỏi Ban?" : "Remove this member?")) e.preventDefault(); }}>
          <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
          <input type="hidden" name="intent" value="committee_remove_member" />
          <input type="hidden" name="memberId" value={m.id} />
          <button type="submit" className="text-sm text-red-700 underline">{vi ? "Đưa ra khỏi Ban" : "Remove"}</button>
        </Form>
        {removeErr("memberId") ? <p role="alert" className="text-sm text-red-700">{removeErr("memberId")}</p> : null}
      </td>
    </tr>
  );
}
