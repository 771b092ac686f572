/** Today's date in Việt Nam (UTC+7) as YYYY-MM-DD: deadlines are counted in local days. */
export function todayVn(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
