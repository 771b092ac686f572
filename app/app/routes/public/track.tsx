import { data, useActionData, useLoaderData, useNavigation } from "react-router";
import { normalizeTrackingCode, timeliness } from "@thads/domain";
import type { Route } from "./+types/track";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { RatingSchema, TrackSchema } from "@thads/core/requests/schema";
import { rateRequest, trackRequest, type TrackedRequest } from "@thads/core/requests";
import { NO_STORE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { anon, trackInProvince } from "./public.server.ts";
import { clientOf, limitPublicPost } from "./rate-limit.server.ts";
import { readPublicForm } from "./upload.server.ts";
import { todayVn } from "../../utils/today.ts";
import { formFields } from "../../utils/form-nest.ts";
import { publicMessages } from "./messages.ts";
import { TrackResult } from "./track-result.tsx";

export function headers() {
  return NO_STORE;
}

export async function loader({ params }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  return { province };
}

type ActionData = {
  formError?: string;
  /** A problem the page words in the reader's language. */
  problem?: "not_found" | "too_many";
  retryAfter?: number;
  fieldErrors?: Record<string, string>;
  values?: { code?: string; factor?: string };
  request?: ShownRequest;
  rated?: RatingOutcome;
};
type RatingOutcome = "ok" | "already_rated" | "not_closed" | "not_found" | "invalid";

/** The request with where it stands against its legal due date, worked out here (the working-day calendar stays on the server). */
const shown = (r: TrackedRequest) => ({ ...r, due: r.dueOn ? timeliness(r.dueOn, r.closedOn, todayVn()) : null });
export type ShownRequest = ReturnType<typeof shown>;

export async function action({ params, request, context }: Route.ActionArgs) {
  const province = await requireProvince(params.slug);
  const read = await readPublicForm(request, { maxBytes: 8 * 1024 });
  if ("formError" in read) return data<ActionData>({ formError: read.formError }, { status: read.status, headers: NO_STORE });
  const form = read.form;
  const intent = form.get("intent") === "rate" ? "rate" : "track";
  const limited = await limitPublicPost(intent, clientOf(context));
  if (!limited.ok) {
    return data<ActionData>(
      { problem: "too_many", retryAfter: limited.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds), ...NO_STORE } },
    );
  }
  const raw = { code: String(form.get("code") ?? ""), factor: String(form.get("factor") ?? "") };
  const values = { code: raw.code.slice(0, 40), factor: raw.factor.slice(0, 30) };
  const fields = formFields(form, []);
  const parsed = intent === "rate" ? RatingSchema.safeParse(fields) : TrackSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A rating sent without a score: show the request again with the message under the stars.
    const again =
      intent === "rate" && !fieldErrors.code && !fieldErrors.factor
        ? await trackInProvince(province.id, normalizeTrackingCode(values.code) ?? "", values.factor)
        : null;
    return data<ActionData>({ fieldErrors, values, request: again ? shown(again) : undefined }, { status: 400, headers: NO_STORE });
  }
  const code = normalizeTrackingCode(parsed.data.code);
  // Same answer for a malformed code, an unknown code, a wrong second factor and another province's request.
  const found = code ? await trackInProvince(province.id, code, parsed.data.factor) : null;
  if (!found) {
    return data<ActionData>({ problem: "not_found", values }, { status: 404, headers: NO_STORE });
  }
  if (intent === "rate" && "score" in parsed.data && typeof parsed.data.score === "number") {
    const { factor, score } = parsed.data;
    const comment = "comment" in parsed.data ? (parsed.data.comment as string | null) : null;
    const outcome = await anon((tx) => rateRequest(tx, code!, factor, score, comment));
    const again = await anon((tx) => trackRequest(tx, code!, parsed.data.factor));
    return data<ActionData>(
      { request: shown(again ?? found), values, rated: outcome },
      { status: outcome === "ok" ? 200 : 409, headers: NO_STORE },
    );
  }
  return data<ActionData>({ request: shown(found), values }, { headers: NO_STORE });
}

export default function Track() {
  const { province } = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const m = useMessages(publicMessages);
  const fe = a?.fieldErrors ?? {};
  return (
    <>
      <PageHeader title={m("track.title")} subtitle={province.name} />
      <AppForm className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3" noValidate>
        <input type="hidden" name="intent" value="track" />
        <Field name="code" label={m("track.code")} error={fe.code} className="text-sm">
          <input
            {...fieldProps("code", fe.code)}
            defaultValue={a?.values?.code}
            maxLength={40}
            autoComplete="off"
            className="w-full rounded border border-slate-300 px-2 py-1 font-mono uppercase"
          />
        </Field>
        <Field name="factor" label={m("track.factor")} error={fe.factor} className="text-sm">
          <input
            {...fieldProps("factor", fe.factor)}
            defaultValue={a?.values?.factor}
            maxLength={30}
            autoComplete="off"
            className="w-full rounded border border-slate-300 px-2 py-1"
          />
        </Field>
        <button
          type="submit"
          disabled={nav.state === "submitting"}
          className="self-end rounded bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          {m("track.lookUp")}
        </button>
      </AppForm>
      {a?.formError || a?.problem ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.problem === "not_found"
            ? m("track.notFound")
            : a.problem === "too_many"
              ? m("track.tooMany", { seconds: a.retryAfter ?? 60 })
              : a.formError}
        </p>
      ) : null}
      {a?.request ? (
        <TrackResult
          request={a.request}
          code={a.values?.code ?? ""}
          factor={a.values?.factor ?? ""}
          rated={a.rated ? m(`track.rated.${a.rated}`) : undefined}
          scoreError={fe.score}
        />
      ) : null}
    </>
  );
}
