import { describe, expect, it } from "vitest";
import { perRequest, requestStore } from "../app/utils/request-store.server.ts";

describe("perRequest", () => {
  it("computes a value once per request and shares it between loaders", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await requestStore().run(new Map(), () => Promise.all([perRequest("user:t", compute), perRequest("user:t", compute)]));
    expect([a, b, calls]).toEqual([1, 1, 1]);
    const c = await requestStore().run(new Map(), () => perRequest("user:t", compute));
    expect([c, calls]).toEqual([2, 2]);
  });
  it("keeps answers for different keys apart, and remembers nothing outside a request", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await requestStore().run(new Map(), () => Promise.all([perRequest("user:a", compute), perRequest("user:b", compute)]));
    expect(a).not.toBe(b);
    await perRequest("user:a", compute);
    await perRequest("user:a", compute);
    expect(calls).toBe(4);
  });
});
