import { describe, expect, it } from "vitest";
import { DUE_THIS_WEEK_DAYS, dueBucket, dueWeekEnd } from "../../src/cases/worklist.ts";
import { addCalendarDays } from "../../src/cases/calendar.ts";

describe("dueBucket", () => {
  const today = "2026-12-05";
  it("puts a deadline before today overdue, today to six days on this week, later after, none without one", () => {
    expect(dueBucket(addCalendarDays(today, -1), today)).toBe("overdue");
    expect(dueBucket(today, today)).toBe("this_week");
    expect(dueBucket(addCalendarDays(today, DUE_THIS_WEEK_DAYS - 1), today)).toBe("this_week");
    expect(dueBucket(dueWeekEnd(today), today)).toBe("later");
    expect(dueBucket(null, today)).toBe("none");
  });
  it("ends the week across a month and a year", () => {
    expect(dueWeekEnd("2026-12-29")).toBe("2027-01-05");
  });
});
