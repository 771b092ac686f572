import { randomUUID } from "node:crypto";
import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/meetings";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { runSteeringIntent } from "./actions.server.ts";
import { agendaCandidates, listMeetings, visibleCommittees } from "@thads/core/steering";
import { steeringMessages } from "./messages.ts";
import { WrappingField, StepForm, inputCls, useFieldError } from "./steering-ui.tsx";

/** A committee's meetings, and a new meeting with its agenda of cases. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const national = isNational(user.memberships);
  if (!hasRole(user.memberships, "steering_member") && !national) forbidden();
  const url = new URL(request.url);
  return asUser(user, async (tx) => {
    const committees = await visibleCommittees(tx, { onlyMine: !national });
    const committee =
      committees.find((c) => c.id === url.searchParams.get("committee")) ?? committees.find((c) => c.is_member) ?? committees[0];
    if (!committee) return { committee: null, meetings: [], flags: [], key: randomUUID(), today: todayVn() };
    const meetings = await listMeetings(tx, committee.id);
    const flags = committee.is_member ? await agendaCandidates(tx, committee.id) : [];
    return {
      committee: { id: committee.id, name: committee.name, isMember: committee.is_member },
      meetings,
      flags,
      key: randomUUID(),
      today: todayVn(),
    };
  });
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  if (form.get("intent") !== "steering_meeting") forbidden();
  const r = await runSteeringIntent("steering_meeting", form, user, lang);
  if ("ok" in r && r.ok) return redirect(`/steering/meetings/${String(r.meetingId)}`);
  return r;
}

export default function SteeringMeetings() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const err = useFieldError("steering_meeting");
  if (!d.committee) return <PageHeader title={m("meetings.title")} />;
  return (
    <>
      <p className="text-sm">
        <Link to={`/steering?committee=${d.committee.id}`} className="underline">
          {m("common.backToWatchlist")}
        </Link>
      </p>
      <PageHeader title={m("meetings.title")} subtitle={d.committee.name} />
      <Table
        head={[
          m("meetings.col.heldOn"),
          m("meetings.col.meeting"),
          m("meetings.col.cases"),
          m("common.directives"),
          m("meetings.col.minutes"),
        ]}
      >
        {d.meetings.map((row) => (
          <tr key={row.id} data-testid="meeting-row">
            <td className="px-3 py-2 tabular-nums">{formatDateVi(row.held_on)}</td>
            <td className="px-3 py-2">
              <Link className="text-blue-800 underline" to={`/steering/meetings/${row.id}`}>
                {row.title}
              </Link>
            </td>
            <td className="px-3 py-2 tabular-nums">{row.items}</td>
            <td className="px-3 py-2 tabular-nums">{row.directives}</td>
            <td className="px-3 py-2">{m(row.has_minutes ? "meetings.hasMinutes" : "meetings.noMinutes")}</td>
          </tr>
        ))}
      </Table>
      {d.committee.isMember ? (
        <Section title={m("meetings.schedule")}>
          <StepForm intent="steering_meeting" submit={m("meetings.create")}>
            <input type="hidden" name="idempotencyKey" value={d.key} />
            <input type="hidden" name="committeeId" value={d.committee.id} />
            <WrappingField label={m("meetings.heldOn")} error={err("heldOn")}>
              <input name="heldOn" defaultValue={formatDateVi(d.today)} className={inputCls} />
            </WrappingField>
            <WrappingField label={m("meetings.name")} error={err("title")}>
              <input name="title" className={inputCls} />
            </WrappingField>
            <fieldset className="col-span-full">
              <legend className="mb-1 text-sm">{m("meetings.agenda")}</legend>
              <div className="grid grid-cols-1 gap-1 md:grid-cols-2">
                {d.flags.map((f) => (
                  <label key={f.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="flagIds" value={f.id} />
                    {f.case_number} · {f.debtor_name}
                    {f.status === "proposed" ? ` ${m("meetings.proposedTag")}` : ""}
                  </label>
                ))}
              </div>
              {err("flagIds") ? (
                <p role="alert" className="text-sm text-red-700">
                  {err("flagIds")}
                </p>
              ) : null}
            </fieldset>
          </StepForm>
        </Section>
      ) : null}
    </>
  );
}
