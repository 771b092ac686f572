import { Form, useLocation, useRouteLoaderData } from "react-router";
import { useLang, useT } from "../i18n.ts";

export function LangSwitch() {
  const lang = useLang();
  const tr = useT();
  const location = useLocation();
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  return (
    <Form method="post" action="/lang">
      <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
      <input type="hidden" name="lang" value={lang === "vi" ? "en" : "vi"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="text-sm text-slate-700 underline hover:text-slate-900" lang={lang === "vi" ? "en" : "vi"}>
        {tr("lang.switch")}
      </button>
    </Form>
  );
}
