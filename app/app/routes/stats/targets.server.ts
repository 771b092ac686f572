import { targetRate, TargetConflictError, type TargetInput } from "@thads/core/stats";

/**
 * The targets form's rows: each unit's two rates and the version it was read at (a row left
 * empty is skipped). Errors name the unit and the rate, in Vietnamese, as the form has always
 * reported them.
 */
export function targetRowsFrom(
  form: FormData,
  children: readonly { id: string; name: string }[],
): { rows: TargetInput[]; errors: string[] } {
  const errors: string[] = [];
  const rows: TargetInput[] = [];
  for (const c of children) {
    const cases = String(form.get(`c.${c.id}`) ?? "");
    const money = String(form.get(`m.${c.id}`) ?? "");
    if (cases === "" && money === "") continue;
    const pc = targetRate(`${c.name} – chỉ tiêu về việc`).safeParse(cases);
    const pm = targetRate(`${c.name} – chỉ tiêu về tiền`).safeParse(money);
    if (!pc.success) errors.push(pc.error.issues[0]!.message);
    if (!pm.success) errors.push(pm.error.issues[0]!.message);
    const version = String(form.get(`v.${c.id}`) ?? "");
    if (version !== "" && !/^\d{1,9}$/.test(version)) errors.push(`${c.name}: phiên bản biểu mẫu không hợp lệ; vui lòng tải lại trang.`);
    else if (pc.success && pm.success) rows.push({ id: c.id, name: c.name, cases: pc.data, money: pm.data, version: version || null });
  }
  return { rows, errors };
}

/** A save refused: row-level security said no (denied), or someone changed these units' targets meanwhile. */
export function refusalOf(e: unknown): TargetConflictError | null {
  if (e instanceof TargetConflictError) return e;
  if ((e as { code?: string }).code === "42501") return new TargetConflictError([], true);
  return null;
}

export function refusalMessage(e: TargetConflictError): string {
  return e.denied
    ? "Không có quyền đặt chỉ tiêu cho các đơn vị này."
    : `Chỉ tiêu của ${e.units.join(", ")} vừa được người khác sửa; vui lòng tải lại trang và nhập lại.`;
}
