import { todayInVietnam } from "@thads/domain";

/** Today's date in Việt Nam (UTC+7) as YYYY-MM-DD: deadlines are counted in local days. */
export function todayVn(now?: Date): string {
  return todayInVietnam(now);
}
