import { data, redirect, useLoaderData } from "react-router";
import { asUserStep, parseAssetStep, recordAssetStep, ASSET_FORM_STEPS, type AssetFormStep } from "@thads/core";
import type { Route } from "./+types/asset";
import {
  AssetHeader,
  DepositsSection,
  HistorySection,
  ProceedsSection,
  RoundsSection,
  SeizuresSection,
  ValuationsSection,
} from "./asset-sections.tsx";
import { StepForm, type AssetStepActionData } from "./asset-step-form.tsx";
import { assetStepFields, refusalStatus } from "./asset-step.server.ts";
import { assetsMessages } from "./messages.ts";
import { Section } from "../../components/ui.tsx";
import { parseLang, translate, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, notFound, requireUser } from "../../utils/user.server.ts";
import { loadAssetPage } from "@thads/core/assets";
import { isUuid } from "@thads/core/input";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const page = await asUser(user, (tx) =>
    loadAssetPage(
      tx,
      params.id,
      user.memberships.map((m) => m.role),
      todayVn(),
    ),
  );
  if (!page) notFound();
  return page;
}

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const kind = String(form.get("intent") ?? "");
  if (!(ASSET_FORM_STEPS as string[]).includes(kind)) {
    return data<AssetStepActionData>({ kind, formError: translate(assetsMessages, lang, "steps.unknown") }, { status: 400 });
  }
  const parsed = parseAssetStep(kind as AssetFormStep, assetStepFields(form, kind));
  if (!parsed.ok) return data<AssetStepActionData>({ kind, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await asUserStep(appSql(), user.claims, (tx) =>
    recordAssetStep(tx, {
      assetId: params.id,
      step: parsed.step,
      actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
      today: todayVn(),
    }),
  );
  if (!result.ok) {
    const message = result.error[`message_${lang}` as const];
    const fieldErrors = result.error.field ? { fieldErrors: { [result.error.field]: message } } : {};
    return data<AssetStepActionData>({ kind, formError: message, ...fieldErrors }, { status: refusalStatus(result.error.code) });
  }
  return redirect(`/assets/${params.id}?done=${kind}&v=${result.version}`);
}

export default function AssetPage() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(assetsMessages);
  return (
    <>
      <AssetHeader asset={d.asset} stuckAfter={d.rules.stuckAfter} />
      <RoundsSection rounds={d.rounds} hint={d.hint} />
      <ValuationsSection valuations={d.valuations} />
      <SeizuresSection seizures={d.seizures} contracts={d.contracts} />
      <DepositsSection deposits={d.deposits} />
      <ProceedsSection proceeds={d.proceeds} />
      <HistorySection history={d.history} />
      {d.actions.length ? (
        <Section title={m("steps.title")}>
          <div className="space-y-3">
            {d.actions.map((k) => (
              <StepForm key={`${k}-${d.asset.version}`} kind={k} page={d} />
            ))}
          </div>
        </Section>
      ) : (
        <p className="mt-8 text-slate-600">{m(d.readOnly ? "steps.readOnly" : "steps.none")}</p>
      )}
    </>
  );
}
