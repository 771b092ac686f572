import { describe, expect, it } from "vitest";
import { hostileTarget } from "../request-guard.js";

describe("request-line guard", () => {
  it("refuses control characters in the path or a query parameter, and broken path encoding", () => {
    for (const target of [
      "/p/hai-phong/debtors?q=a%00b",
      "/cases?q=%0d%0aSet-Cookie:x",
      "/cases?%00=1",
      "/api/v1/stats?unit=%7f",
      "/cases?q=%C2%85",
      "/p/%00/track",
      "/cases/%E0%A4%A",
      "/cases?q=a\u0000b",
    ]) {
      expect(hostileTarget(target), target).not.toBeNull();
    }
  });
  it("lets ordinary addresses through", () => {
    for (const target of [
      "/",
      "/cases?q=Nguy%E1%BB%85n%20V%C4%83n&page=2",
      "/p/hai-phong/debtors?q=c%C3%B4ng+ty",
      "/api/v1/stats?unit=P-HAI-PHONG&from=2025-01-01",
    ]) {
      expect(hostileTarget(target), target).toBeNull();
    }
  });
});
