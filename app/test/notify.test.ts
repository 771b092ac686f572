import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatTrackingCode, newTrackingCode } from "@thads/domain";
import { logNotifier, notifyRequester, setNotifier } from "../app/routes/public/notify.server.ts";

describe("the development notifier's log", () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    vi.spyOn(console, "log").mockImplementation(capture);
    vi.spyOn(console, "info").mockImplementation(capture);
    vi.spyOn(console, "error").mockImplementation(capture);
    setNotifier(logNotifier);
  });
  afterEach(() => vi.restoreAllMocks());

  it("never prints the second factor, nor the tracking code that goes with it", async () => {
    const code = newTrackingCode();
    const phone = "0912345678";
    const email = "nguyen.van.a@example.vn";
    notifyRequester(
      { email, phone },
      `Yêu cầu ${formatTrackingCode(code)}: Đã tiếp nhận`,
      `Đã nhận yêu cầu của Ông/Bà. Mã tra cứu: ${formatTrackingCode(code)}.`,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(lines.length).toBe(2);
    const log = lines.join("\n");
    expect(log).toContain("[notify:sms]");
    expect(log).toContain("[notify:email]");
    for (const secret of [phone, email, code, formatTrackingCode(code), code.slice(0, 12), formatTrackingCode(code).slice(0, 14)]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/\d{6,}/);
  });

  it("a failed send logs no recipient either", async () => {
    const phone = "0987654321";
    setNotifier({
      send: async (n) => {
        throw new Error(`gateway refused ${n.to}: ${n.body}`);
      },
    });
    const code = newTrackingCode();
    notifyRequester({ email: null, phone }, "s", `Mã tra cứu: ${formatTrackingCode(code)}`);
    await new Promise((r) => setTimeout(r, 10));
    const log = lines.join("\n");
    expect(log).toContain("notification failed");
    expect(log).not.toContain(phone);
    expect(log).not.toContain(formatTrackingCode(code));
  });
});
