import { useLocation } from "react-router";
import { LANGS, useLang, useT } from "../i18n.ts";
import { AppForm } from "./form.tsx";

export function LangSwitch() {
  const lang = useLang();
  const tr = useT();
  const location = useLocation();
  const other = LANGS.find((l) => l !== lang) ?? "vi";
  return (
    <AppForm action="/lang">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="text-sm text-slate-700 underline hover:text-slate-900" lang={other}>
        {tr("lang.switch")}
      </button>
    </AppForm>
  );
}
