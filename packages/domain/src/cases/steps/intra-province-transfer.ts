/**
 * Transfer to another agency of the same province (ủy thác cho cơ quan thi hành án dân sự cấp huyện
 * khác): lawful while the province had district-level agencies — Law 26/2008 Art. 56(2) as amended
 * by Law 03/2022/QH15 Art. 9 lets a district agency entrust a case to "cơ quan thi hành án dân sự
 * cấp huyện khác" (docs/law-sources.md T1, VERIFIED in its 2022 wording) — and no longer from
 * 01/07/2025, when the district agencies gave way to the provincial bureau's regional offices (the
 * date: T1d, UNVERIFIED; a transfer goes to another province from then on, ./transfer.ts).
 *
 * Ledgers of those years hold such transfers, so the lifecycle takes one dated before 01/07/2025.
 * It is history, never offered on a case page: the case comes into this system at the unit that
 * holds it (a migrated case's unit, ADR 032), so the step changes neither the case's unit nor its
 * status nor any figure; the receiving unit is named for the record.
 */
import { formatDateVi as d } from "../calendar.ts";
import { err, interruptedError, isInterrupted, isNonEmpty, no, noDecisionError, ok, onOpenCase } from "./shared.ts";

/** The first day on which a case can no longer be transferred within its province (T1d, UNVERIFIED). */
export const INTRA_PROVINCE_TRANSFERS_END = "2025-07-01";

export const intraProvinceTransfer = onOpenCase("intra_province_transfer", {
  guard(state, date) {
    if (date === undefined || date >= INTRA_PROVINCE_TRANSFERS_END) {
      return err(
        "transfer_same_province",
        `Không thể ủy thác cho cơ quan thi hành án dân sự khác trong cùng tỉnh${date ? ` ngày ${d(date)}` : ""}: chỉ ghi nhận được việc ủy thác như vậy trước ngày ${d(INTRA_PROVINCE_TRANSFERS_END)} (khoản 2 Điều 56 Luật Thi hành án dân sự 2008, sửa đổi năm 2022); từ ngày đó việc chỉ ủy thác cho tỉnh khác hoặc cơ quan thi hành án cấp quân khu.`,
        `Cannot record a transfer within the province${date ? ` on ${date}` : ""}: such transfers were possible only before ${INTRA_PROVINCE_TRANSFERS_END} (L26 Art. 56(2) as amended in 2022); since then a transfer goes to another province or a military-region agency.`,
      );
    }
    if (state.status === "accepted") return noDecisionError("intra_province_transfer");
    if (isInterrupted(state)) return interruptedError(state, "intra_province_transfer");
    return null;
  },

  effect(state, event, { base }) {
    if (!isNonEmpty(event.unitId)) {
      return no(
        err("invalid_event", `Phải ghi rõ cơ quan thi hành án dân sự nhận ủy thác trong tỉnh.`, `The receiving agency is required.`),
      );
    }
    if (event.unitId === state.provinceId) {
      return no(
        err(
          "invalid_event",
          `Nơi nhận ủy thác trong tỉnh phải là một cơ quan thi hành án dân sự cấp huyện, không phải chính cơ quan thi hành án dân sự tỉnh.`,
          `The receiving agency must be a district agency of the province, not the provincial bureau itself.`,
        ),
      );
    }
    return ok(base);
  },
});
