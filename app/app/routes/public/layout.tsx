import { Link, Outlet } from "react-router";
import { LangSwitch } from "../../components/lang-switch.tsx";
import { useLang } from "../../i18n.ts";

/** Frame of the public pages: no sign-in needed. */
export default function PublicLayout() {
  const vi = useLang() === "vi";
  return (
    <div className="min-h-screen">
      <header className="border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/p" className="font-bold tracking-wide">
            THADS <span className="font-normal">· {vi ? "Cổng thông tin thi hành án dân sự" : "Civil judgment enforcement portal"}</span>
          </Link>
          <span className="flex-1" />
          <Link to="/login" className="text-sm underline">{vi ? "Đăng nhập" : "Sign in"}</Link>
          <div className="rounded bg-white px-2 py-1"><LangSwitch /></div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
