import { Link, redirect, useLoaderData, useSearchParams } from "react-router";
import { hasRole } from "@thads/domain/labels";
import { managedCommittees } from "@thads/core/steering";
import type { Route } from "./+types/committees";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { isCommitteeIntent, runCommitteeIntent } from "./committees.server.ts";
import { AddMember, MemberRow } from "./committee-members.tsx";
import { steeringMessages } from "./messages.ts";
import { StepForm, WrappingField, inputCls, label, useFieldError } from "./steering-ui.tsx";

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

export default function SteeringCommittees() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const [params] = useSearchParams();
  const done = label(m, "committees.done", params.get("done") ?? "");
  const createErr = useFieldError("committee_create");
  return (
    <>
      <p className="text-sm">
        <Link to={d.isAdmin ? "/steering/national" : "/"} className="underline">
          {m("committees.back")}
        </Link>
      </p>
      <PageHeader title={m("committees.title")} subtitle={m("committees.subtitle")} />
      {done ? (
        <p role="status" className="mb-4 rounded border border-green-200 bg-green-50 p-2 text-sm text-green-800">
          {done}
        </p>
      ) : null}

      {d.withoutCommittee.map((p) => (
        <Section key={p.id} title={m("committees.withoutCommittee", { name: p.name })}>
          <StepForm intent="committee_create" submit={m("committees.createProvince")}>
            <input type="hidden" name="kind" value="province" />
            <input type="hidden" name="provinceId" value={p.id} />
          </StepForm>
        </Section>
      ))}

      {d.committees.length === 0 && d.withoutCommittee.length === 0 ? (
        <p className="text-sm text-slate-600">{m("committees.none")}</p>
      ) : null}

      {d.committees.map((c) => (
        <section key={c.id} data-testid="committee" className="mb-8 rounded border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">{c.name}</h2>
          <p className="mb-3 text-sm text-slate-600">
            {label(m, "committeeKind", c.kind)}
            {c.province_name ? ` · ${c.province_name}` : ""}
          </p>
          <Table head={[m("committees.col.name"), m("committees.col.email"), m("committees.role"), ""]}>
            {c.members.map((member) => (
              <MemberRow key={member.id} member={member} />
            ))}
          </Table>
          {c.members.length === 0 ? <p className="mt-2 text-sm text-slate-600">{m("committees.noMembers")}</p> : null}
          <div className="mt-4" data-testid="add-member">
            <h3 className="mb-2 font-semibold">{m("committees.addMember")}</h3>
            <AddMember committeeId={c.id} />
          </div>
        </section>
      ))}

      {d.isAdmin ? (
        <Section title={m("committees.adHoc")}>
          <StepForm intent="committee_create" submit={m("committees.adHocSubmit")}>
            <input type="hidden" name="kind" value="ad_hoc" />
            <WrappingField label={m("committees.name")} error={createErr("name")}>
              <input name="name" className={inputCls} maxLength={300} />
            </WrappingField>
          </StepForm>
        </Section>
      ) : null}
    </>
  );
}
