import {
  formatDateVi,
  formatDong,
  formatTrackingCode,
  PROCEDURES,
  REQUEST_STATUS_LABELS,
  type NotificationKind,
} from "@thads/domain/labels";
import type { NotificationPayload } from "@thads/core/creditors";
import { deadlineLabel, defineMessages, translate, type Lang } from "../../i18n.ts";

/** A creditor's notifications: the page, and the lines the page and the e-mail digest show. */
export const notificationMessages = defineMessages(
  {
    title: "Thông báo",
    subtitle: "Thay đổi trạng thái yêu cầu, khoản tiền thu được và thời hạn đã qua trong các vụ việc của bạn",
    nav: "Thông báo",
    all: "Tất cả",
    unreadOnly: "Chưa đọc",
    unreadCount: "{n} chưa đọc",
    markAll: "Đánh dấu tất cả đã đọc",
    markRead: "Đã đọc",
    marked: "Đã đánh dấu {n} thông báo là đã đọc.",
    empty: "Chưa có thông báo nào.",
    emptyUnread: "Không có thông báo chưa đọc.",
    openCase: "Xem vụ việc",
    openRequests: "Xem yêu cầu",
    "kind.request_status": "Yêu cầu",
    "kind.payment": "Thu tiền",
    "kind.deadline_missed": "Thời hạn đã qua",
    "line.request_status": "Yêu cầu {code} ({procedure}) chuyển từ “{from}” sang “{to}”.",
    "line.payment": "Vụ việc {caseNumber}: đã thu {amount} ngày {date}.",
    "line.deadline_missed": "Vụ việc {caseNumber}: {deadline} (ngày {date}) đã qua mà chưa có bước thi hành án nào.",
    "email.subject": "THADS: {n} thông báo mới",
    "email.greeting": "Kính gửi quý khách,",
    "email.more": "… và {n} thông báo khác.",
    "email.open": "Xem và đánh dấu đã đọc tại: {url}",
    "email.footer": "Thư gửi tự động từ Hệ thống thông tin thi hành án dân sự; vui lòng không trả lời thư này.",
    emailOn: "Các thông báo mới cũng được gửi tổng hợp qua thư điện tử của tài khoản.",
    emailOff: "Không gửi thông báo qua thư điện tử; thông báo vẫn hiện ở trang này.",
    emailTurnOff: "Tắt thư điện tử",
    emailTurnOn: "Bật thư điện tử",
    emailTurnedOn: "Đã bật gửi thông báo qua thư điện tử.",
    emailTurnedOff: "Đã tắt gửi thông báo qua thư điện tử.",
    page: "Trang {page}",
    prev: "← Trang trước",
    next: "Trang sau →",
  },
  {
    title: "Notifications",
    subtitle: "Request status changes, money collected and deadlines passed on your cases",
    nav: "Notifications",
    all: "All",
    unreadOnly: "Unread",
    unreadCount: "{n} unread",
    markAll: "Mark all as read",
    markRead: "Read",
    marked: "{n} notifications marked as read.",
    empty: "No notifications yet.",
    emptyUnread: "No unread notifications.",
    openCase: "Open the case",
    openRequests: "Open my requests",
    "kind.request_status": "Request",
    "kind.payment": "Payment",
    "kind.deadline_missed": "Deadline passed",
    "line.request_status": "Request {code} ({procedure}) moved from “{from}” to “{to}”.",
    "line.payment": "Case {caseNumber}: {amount} collected on {date}.",
    "line.deadline_missed": "Case {caseNumber}: {deadline} ({date}) passed with no enforcement step.",
    "email.subject": "THADS: {n} new notifications",
    "email.greeting": "Dear customer,",
    "email.more": "… and {n} more.",
    "email.open": "See them and mark them read at: {url}",
    "email.footer": "Sent automatically by the civil judgment enforcement information system; please do not reply.",
    emailOn: "New notifications are also e-mailed to the account, as a digest.",
    emailOff: "Notifications are not e-mailed; they still show on this page.",
    emailTurnOff: "Turn e-mail off",
    emailTurnOn: "Turn e-mail on",
    emailTurnedOn: "Notification e-mails turned on.",
    emailTurnedOff: "Notification e-mails turned off.",
    page: "Page {page}",
    prev: "← Previous page",
    next: "Next page →",
  },
);

/** The payload fields a line reads (as the database wrote them). */
export interface NotificationFacts {
  kind: NotificationKind;
  payload: NotificationPayload;
}

const statusLabel = (lang: Lang, s: string | undefined) =>
  (s && (REQUEST_STATUS_LABELS as Record<string, { vi: string; en: string }>)[s]?.[lang]) || (s ?? "—");

/** One notification as a sentence, in the page's (or the e-mail's) language. */
export function notificationLine(lang: Lang, n: NotificationFacts): string {
  const p = n.payload;
  const date = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDateVi(d) : "—");
  switch (n.kind) {
    case "request_status": {
      const procedure =
        (PROCEDURES as Record<string, { name: { vi: string; en: string } }>)[p.requestKind ?? ""]?.name[lang] ?? p.requestKind ?? "";
      return translate(notificationMessages, lang, "line.request_status", {
        code: p.trackingCode ? formatTrackingCode(p.trackingCode) : "—",
        procedure,
        from: statusLabel(lang, p.from),
        to: statusLabel(lang, p.to),
      });
    }
    case "payment":
      return translate(notificationMessages, lang, "line.payment", {
        caseNumber: p.caseNumber ?? "—",
        amount: p.amount && /^\d+$/.test(p.amount) ? formatDong(p.amount) : "—",
        date: date(p.paidOn),
      });
    case "deadline_missed":
      return translate(notificationMessages, lang, "line.deadline_missed", {
        caseNumber: p.caseNumber ?? "—",
        deadline: p.deadlineKind ? deadlineLabel(lang, p.deadlineKind) : "—",
        date: date(p.dueOn),
      });
  }
}
