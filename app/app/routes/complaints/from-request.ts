import { data, redirect } from "react-router";
import { complaintWrite, letterFromRequest } from "@thads/core/complaints";
import { hasRole } from "@thads/domain/labels";
import { z } from "zod";
import type { Route } from "./+types/from-request";
import { parseLang } from "../../i18n.ts";
import { appSql } from "../../utils/db.server.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { todayVn } from "../../utils/today.ts";
import { forbidden, requireUser } from "../../utils/user.server.ts";
import { COMPLAINT_HANDLERS } from "./roles.ts";

const Schema = z.object({ idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại trang." }) });

/** A complaint filed online, taken in at the desk, becomes a registered letter (once). */
export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_HANDLERS)) forbidden();
  const parsed = Schema.safeParse(formFields(await readForm(request, lang)));
  if (!parsed.success) return data({ formError: parsed.error.issues[0]!.message }, { status: 400 });
  const r = await complaintWrite(appSql(), user.claims, (tx) =>
    letterFromRequest(tx, { requestId: params.id, idempotencyKey: parsed.data.idempotencyKey, receivedOn: todayVn(), userId: user.id }),
  );
  if (!r.ok) return data({ formError: r.message }, { status: r.status });
  return redirect(`/complaints/${r.id}`);
}
