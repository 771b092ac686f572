import { z } from "zod";

/** Marking notifications read (one by its id, or every unread one), or turning their e-mails on or off. Parsers only, for the page and its action. */
export const MarkNotificationsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("read"), id: z.uuid({ message: "Thông báo: không hợp lệ." }) }),
    z.object({ intent: z.literal("read_all") }),
    z.object({ intent: z.literal("email"), email: z.enum(["on", "off"], { message: "Nhận thư điện tử: chọn bật hoặc tắt." }) }),
  ],
  { message: "Thao tác: không hợp lệ." },
);
export type MarkNotifications = z.infer<typeof MarkNotificationsSchema>;

/** The list's query: unread ones only, and the page. Bad values fall back to the first page of all. */
export const NotificationQuerySchema = z.object({
  unread: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

const LIMIT = "Số thông báo (limit): một số từ 1 đến 500.";

/** The API's query: notifications after a time (ISO 8601), unread ones only, how many (at most 500). */
export const NotificationApiQuerySchema = z.object({
  since: z.iso.datetime({ offset: true, message: "Thời điểm (since): dạng ISO 8601, ví dụ 2026-12-01T00:00:00Z." }).optional(),
  unread: z.enum(["1"], { message: "Chưa đọc (unread): chỉ nhận giá trị 1." }).optional(),
  limit: z.coerce.number({ message: LIMIT }).int({ message: LIMIT }).min(1, { message: LIMIT }).max(500, { message: LIMIT }).default(100),
});
