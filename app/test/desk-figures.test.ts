import { describe, expect, it } from "vitest";
import { onTimeShare, type DeskFigures } from "@thads/core/workspace/desk-figures";

const f = (closedOnTime: number, closedLate: number): DeskFigures => ({
  received: closedOnTime + closedLate + 3,
  online: 2,
  closedOnTime,
  closedLate,
  openOverdue: 1,
  ratings: 0,
  averageRating: null,
});

describe("onTimeShare", () => {
  it("is the share of closed requests returned by their legal deadline", () => {
    expect(onTimeShare(f(3, 1))).toBe("75.0");
    expect(onTimeShare(f(2, 1))).toBe("66.7");
  });
  it("is unknown when nothing has been closed", () => {
    expect(onTimeShare(f(0, 0))).toBeNull();
  });
});
