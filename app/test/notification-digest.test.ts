import { afterEach, describe, expect, it, vi } from "vitest";
import { formatTrackingCode, newTrackingCode } from "@thads/domain";
import { notificationLine } from "../app/routes/creditor/notification-messages.ts";
import { emailAccount, setNotifier, logNotifier, type Notification } from "../app/routes/public/notify.server.ts";
import { digestEmail } from "../app/utils/notification-jobs.server.ts";

const payment = (n: number) => ({
  kind: "payment" as const,
  caseId: "8d3c0a0e-3f1f-4a59-9a57-0a1c9d2b7e11",
  requestId: null,
  payload: { caseNumber: `${n}/QĐ-CCTHADS`, amount: "1250000000", paidOn: "2026-12-01" },
});

describe("a notification's line", () => {
  it("says what happened in either language, money in whole đồng and dates dd/mm/yyyy", () => {
    const code = newTrackingCode();
    expect(
      notificationLine("vi", {
        kind: "request_status",
        payload: { trackingCode: code, requestKind: "enforcement_request", from: "submitted", to: "received" },
      }),
    ).toBe(`Yêu cầu ${formatTrackingCode(code)} (Yêu cầu thi hành án) chuyển từ “Đã gửi, chờ tiếp nhận” sang “Đã tiếp nhận”.`);
    expect(notificationLine("vi", payment(7))).toBe("Vụ việc 7/QĐ-CCTHADS: đã thu 1.250.000.000 ₫ ngày 01/12/2026.");
    expect(notificationLine("en", payment(7))).toBe("Case 7/QĐ-CCTHADS: 1.250.000.000 ₫ collected on 01/12/2026.");
    expect(
      notificationLine("vi", {
        kind: "deadline_missed",
        payload: { caseNumber: "9/QĐ", deadlineKind: "verification", dueOn: "2026-11-30" },
      }),
    ).toBe("Vụ việc 9/QĐ: Hạn xác minh điều kiện thi hành án (ngày 30/11/2026) đã qua mà chưa có bước thi hành án nào.");
  });

  it("shows a dash, never a wrong figure, for a malformed amount or date", () => {
    const line = notificationLine("vi", { kind: "payment", payload: { caseNumber: "1", amount: "1e9", paidOn: "01/12/2026" } });
    expect(line).toBe("Vụ việc 1: đã thu — ngày —.");
  });
});

describe("the e-mail digest", () => {
  afterEach(() => setNotifier(logNotifier));

  it("lists up to twenty lines, counts the rest, and links to the page", () => {
    const items = Array.from({ length: 25 }, (_, i) => payment(i + 1));
    const { subject, body } = digestEmail(
      { account_id: "a", email: "bank@example.vn", total: 60, ids: [], items },
      "https://thads.example.vn",
    );
    expect(subject).toBe("THADS: 60 thông báo mới");
    expect(body.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(20);
    expect(body).toContain("… và 40 thông báo khác.");
    expect(body).toContain("https://thads.example.vn/creditor/notifications");
  });

  it("is sent through the notifier, and a failing transport is reported, not thrown", async () => {
    const sent: Notification[] = [];
    setNotifier({ send: async (n) => void sent.push(n) });
    expect(await emailAccount("bank@example.vn", "S", "B")).toBe(true);
    expect(sent).toEqual([{ channel: "email", to: "bank@example.vn", subject: "S", body: "B" }]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    setNotifier({
      send: async () => {
        throw new Error("SMTP down");
      },
    });
    expect(await emailAccount("bank@example.vn", "S", "B")).toBe(false);
    expect(errors.mock.calls.join(" ")).not.toContain("bank@example.vn");
    errors.mockRestore();
  });
});

describe("the confirmation of enforcement results as a PDF", () => {
  it("is a PDF file, dated at the place of the province", async () => {
    const { confirmationPdf, placeOf } = await import("../app/routes/requests/confirmation-pdf.server.ts");
    expect(placeOf("Thi hành án dân sự thành phố Hải Phòng")).toBe("Hải Phòng");
    expect(placeOf("Thi hành án dân sự tỉnh Quảng Ninh")).toBe("Quảng Ninh");
    const pdf = await confirmationPdf({
      tracking_code: "7K3M9QXWA2BC5",
      province_name: "Thi hành án dân sự thành phố Hải Phòng",
      unit_name: "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng",
      requester_name: "Trần Văn B",
      requester_id_number: "001099000001",
      requester_address: null,
      case_reference: null,
      content: "Đề nghị xác nhận kết quả thi hành án.",
      submitted_on: "2026-11-30",
      closed_on: "2026-12-03",
      result_note: "Đã thi hành xong.",
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
