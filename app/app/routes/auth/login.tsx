import { data, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import { SESSION_ABSOLUTE_HOURS } from "@thads/auth";
import type { Route } from "./+types/login";
import { parseLang, t, useMessages, useT, type MessageKey } from "../../i18n.ts";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { authMessages } from "./messages.ts";
import { LoginSchema, loginFieldErrors, type LoginFieldErrors } from "./login-schema.ts";
import { LANG_COOKIE, readCookie, serializeCookie, SESSION_COOKIE } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { getUser } from "../../utils/user.server.ts";
import { safeRedirect } from "../../utils/redirect.ts";
import { LangSwitch } from "../../components/lang-switch.tsx";
import { signIn } from "./login.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

type ActionData = { formError?: string; fieldErrors?: LoginFieldErrors; email?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const form = await readForm(request, lang);
  const parsed = LoginSchema.safeParse({
    email: form.get("email") ?? undefined,
    password: form.get("password") ?? undefined,
    redirectTo: form.get("redirectTo") ?? undefined,
  });
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  if (!parsed.success) {
    return data<ActionData>({ fieldErrors: loginFieldErrors(parsed.error), email }, { status: 400 });
  }
  // Where to go after: decided before any session exists, so a bad target can never fail after sign-in.
  const target = safeRedirect(parsed.data.redirectTo, "/");
  const client = (context as { clientAddress?: string } | undefined)?.clientAddress ?? "unknown";
  const outcome = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    client,
    userAgent: request.headers.get("User-Agent") ?? undefined,
  });
  if (!outcome.ok) {
    const key: MessageKey =
      outcome.reason === "locked" ? "login.locked" : outcome.reason === "unavailable" ? "login.unavailable" : "login.invalid";
    const status = outcome.reason === "locked" ? 429 : outcome.reason === "unavailable" ? 503 : 401;
    const headers: HeadersInit = outcome.reason === "locked" ? { "Retry-After": String(outcome.retryAfterSeconds) } : {};
    return data<ActionData>({ formError: t(lang, key), email }, { status, headers });
  }
  return redirect(target, {
    headers: { "Set-Cookie": serializeCookie(SESSION_COOKIE, outcome.token, { maxAge: SESSION_ABSOLUTE_HOURS * 3600 }) },
  });
}

export default function Login() {
  const tr = useT();
  const m = useMessages(authMessages);
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const fe = actionData?.fieldErrors ?? {};
  const emailError = fe.email ? tr(fe.email) : null;
  const passwordError = fe.password ? tr(fe.password) : null;
  const busy = navigation.state === "submitting";
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LangSwitch />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{tr("app.short")}</p>
          <h1 className="mt-1 text-2xl font-bold">{tr("login.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{tr("login.subtitle")}</p>
          {actionData?.formError ? (
            <p role="alert" className="mt-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {actionData.formError}
            </p>
          ) : null}
          <AppForm className="mt-6 space-y-4" noValidate>
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <Field name="email" label={tr("login.email")} error={emailError}>
              <input
                {...fieldProps("email", emailError)}
                type="email"
                autoComplete="username"
                required
                maxLength={254}
                defaultValue={actionData?.email ?? ""}
                className="block w-full rounded border border-slate-300 px-3 py-2"
              />
            </Field>
            <Field name="password" label={tr("login.password")} error={passwordError}>
              <input
                {...fieldProps("password", passwordError)}
                type="password"
                autoComplete="current-password"
                required
                maxLength={200}
                className="block w-full rounded border border-slate-300 px-3 py-2"
              />
            </Field>
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {tr("login.submit")}
            </button>
          </AppForm>
        </div>
        <p className="mt-4 text-center text-sm">
          <a href="/p" className="text-brand-700 underline">
            {m("login.publicLink")}
          </a>
        </p>
      </div>
    </main>
  );
}
