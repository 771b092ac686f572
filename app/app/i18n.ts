import { useRootData } from "./utils/root-data.ts";
import { CASE_STATUS_LABELS, DEADLINE_LABELS } from "@thads/domain/labels";

/*
 * One translation mechanism for the UI: messages by key, both languages of a
 * feature in one catalog (`routes/<feature>/messages.ts`, made with
 * `defineMessages`), Vietnamese first. The compiler refuses a catalog whose
 * English lacks a Vietnamese key or has one more; app/test/messages.test.ts
 * checks every catalog at run time too (same keys, no empty text, the same
 * `{placeholders}` in both languages). ADR 018.
 */

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

const vi = {
  "app.name": "Hệ thống quản lý Thi hành án dân sự",
  "app.short": "THADS",
  "app.simulatedToday": "Máy chủ diễn tập: hôm nay được đặt là {date} (không phải ngày thật).",
  "nav.signOut": "Đăng xuất",
  "nav.unread": "{n} thông báo chưa đọc",
  "nav.main": "Điều hướng chính",
  "lang.switch": "English",
  "login.title": "Đăng nhập",
  "login.subtitle": "Dành cho cán bộ THADS, Ban Chỉ đạo và người được thi hành án",
  "login.email": "Thư điện tử",
  "login.password": "Mật khẩu",
  "login.submit": "Đăng nhập",
  "login.invalid": "Thư điện tử hoặc mật khẩu không đúng.",
  "login.locked": "Đăng nhập tạm dừng do nhập sai nhiều lần. Vui lòng thử lại sau ít phút.",
  "login.unavailable": "Dịch vụ xác thực đang gián đoạn. Vui lòng thử lại sau.",
  "login.noRole": "Tài khoản chưa được phân quyền. Vui lòng liên hệ quản trị đơn vị.",
  "field.email.invalid": "Thư điện tử: định dạng không hợp lệ (ví dụ: ten@thads.gov.vn).",
  "field.email.required": "Thư điện tử: bắt buộc nhập.",
  "field.email.tooLong": "Thư điện tử: tối đa 254 ký tự.",
  "field.password.required": "Mật khẩu: bắt buộc nhập.",
  "field.password.tooLong": "Mật khẩu: tối đa 200 ký tự.",
  "error.badRequest": "Yêu cầu không hợp lệ",
  "error.badForm": "Dữ liệu gửi lên không đúng định dạng biểu mẫu.",
  "error.badData": "Dữ liệu không hợp lệ (ký tự, ngày, số hoặc mã không đúng): không có gì được ghi. Vui lòng kiểm tra lại.",
  "error.unknownRef": "Dữ liệu tham chiếu tới một bản ghi không tồn tại: không có gì được ghi. Vui lòng tải lại trang và thử lại.",
  "error.controlChars": "Địa chỉ hoặc tham số chứa ký tự điều khiển không hợp lệ.",
  "error.tooLarge": "Dữ liệu gửi lên quá lớn.",
  "error.csrf": "Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.",
  "error.403.title": "Không có quyền truy cập",
  "error.403.body": "Tài khoản của bạn không được xem trang này.",
  "error.404.title": "Không tìm thấy trang",
  "error.404.body": "Trang bạn tìm không tồn tại.",
  "error.500.title": "Đã có lỗi xảy ra",
  "error.500.body": "Hệ thống gặp sự cố. Vui lòng thử lại sau.",
  "error.home": "Về trang chính",
  "home.national.title": "Toàn quốc",
  "home.province.title": "THADS tỉnh",
  "home.subunit.title": "Phòng THADS khu vực",
  "home.steering.title": "Ban Chỉ đạo THADS",
  "home.creditor.title": "Yêu cầu thi hành án của tôi",
  "stat.provinces": "Đơn vị THADS tỉnh",
  "stat.subunits": "Phòng THADS khu vực",
  "stat.staff": "Cán bộ",
  "stat.executors": "Chấp hành viên",
  "stat.cases": "Việc thụ lý",
  "stat.open": "Việc đang giải quyết",
  "stat.register": "Việc ở sổ theo dõi riêng",
  "stat.closed": "Việc đã kết thúc",
  "stat.moneyDue": "Tiền phải thi hành",
  "stat.moneyCollected": "Tiền đã thu",
  "stat.closedShare": "Tỷ lệ việc đã kết thúc",
  "table.unit": "Đơn vị",
  "table.cases": "Việc",
  "table.open": "Đang giải quyết",
  "table.closed": "Đã kết thúc",
  "table.share": "Tỷ lệ",
  "table.moneyDue": "Tiền phải thi hành",
  "table.executor": "Chấp hành viên",
  "table.caseNumber": "Số quyết định",
  "table.debtor": "Người phải thi hành án",
  "table.status": "Trạng thái",
  "table.acceptedOn": "Ngày thụ lý",
  "subunit.recent": "Việc thụ lý gần đây",
  "subunit.allCases": "Tất cả việc của phòng",
  "subunit.overdue": "Việc quá hạn",
  "subunit.workload": "Khối lượng công việc của chấp hành viên",
  "subunit.executors": "Chấp hành viên của phòng",
  "steering.scope": "Phạm vi theo dõi",
  "steering.national": "Ban Chỉ đạo Trung ương: các vụ việc thu hồi tài sản tham nhũng trên toàn quốc",
  "steering.flagged": "Vụ việc trọng điểm trong danh sách theo dõi",
  "steering.empty": "Chưa có vụ việc nào được đưa vào danh sách theo dõi của Ban.",
  "creditor.kind": "Loại người yêu cầu",
  "creditor.empty": "Bạn chưa gửi yêu cầu thi hành án nào.",
  "creditor.kind.citizen": "Cá nhân",
  "creditor.kind.company": "Doanh nghiệp",
  "creditor.kind.bank": "Ngân hàng",
  "footer.note": "Số liệu được tính trực tiếp từ cơ sở dữ liệu, theo phạm vi quyền của tài khoản.",
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  "app.name": "Civil Judgment Enforcement Management System",
  "app.short": "THADS",
  "app.simulatedToday": "Rehearsal server: today is set to {date} (not the real day).",
  "nav.signOut": "Sign out",
  "nav.unread": "{n} unread notifications",
  "nav.main": "Main navigation",
  "lang.switch": "Tiếng Việt",
  "login.title": "Sign in",
  "login.subtitle": "For enforcement staff, steering committees and creditors",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.invalid": "Wrong e-mail or password.",
  "login.locked": "Sign-in is paused after too many failed attempts. Please try again in a few minutes.",
  "login.unavailable": "The sign-in service is unavailable. Please try again later.",
  "login.noRole": "This account has no role yet. Please contact your unit's administrator.",
  "field.email.invalid": "E-mail: not a valid address (e.g. name@thads.gov.vn).",
  "field.email.required": "E-mail: required.",
  "field.email.tooLong": "E-mail: at most 254 characters.",
  "field.password.required": "Password: required.",
  "field.password.tooLong": "Password: at most 200 characters.",
  "error.badRequest": "Invalid request",
  "error.badForm": "The data sent is not a valid form.",
  "error.badData": "Invalid data (a character, date, number or id is not valid): nothing was saved. Please check and try again.",
  "error.unknownRef": "The data refers to a record that does not exist: nothing was saved. Reload the page and try again.",
  "error.controlChars": "The address or a parameter contains invalid control characters.",
  "error.tooLarge": "The data sent is too large.",
  "error.csrf": "The form has expired or is invalid. Reload the page and try again.",
  "error.403.title": "Access denied",
  "error.403.body": "Your account may not view this page.",
  "error.404.title": "Page not found",
  "error.404.body": "The page you are looking for does not exist.",
  "error.500.title": "Something went wrong",
  "error.500.body": "The system ran into a problem. Please try again later.",
  "error.home": "Back to my home",
  "home.national.title": "Nationwide",
  "home.province.title": "Provincial bureau",
  "home.subunit.title": "Regional office",
  "home.steering.title": "Steering committee",
  "home.creditor.title": "My enforcement requests",
  "stat.provinces": "Provincial bureaus",
  "stat.subunits": "Regional offices",
  "stat.staff": "Staff",
  "stat.executors": "Executors",
  "stat.cases": "Cases accepted",
  "stat.open": "Cases in progress",
  "stat.register": "Cases in the separate register",
  "stat.closed": "Cases closed",
  "stat.moneyDue": "Money to enforce",
  "stat.moneyCollected": "Money collected",
  "stat.closedShare": "Share of cases closed",
  "table.unit": "Unit",
  "table.cases": "Cases",
  "table.open": "In progress",
  "table.closed": "Closed",
  "table.share": "Share",
  "table.moneyDue": "Money to enforce",
  "table.executor": "Executor",
  "table.caseNumber": "Decision number",
  "table.debtor": "Debtor",
  "table.status": "Status",
  "table.acceptedOn": "Accepted on",
  "subunit.recent": "Recently accepted cases",
  "subunit.allCases": "All cases of this office",
  "subunit.overdue": "Overdue cases",
  "subunit.workload": "Executors' workload",
  "subunit.executors": "Executors of this office",
  "steering.scope": "Scope",
  "steering.national": "Central Steering Committee: corruption asset-recovery cases nationwide",
  "steering.flagged": "Flagged major cases on the watchlist",
  "steering.empty": "No case is on this committee's watchlist yet.",
  "creditor.kind": "Requester type",
  "creditor.empty": "You have not filed any enforcement request yet.",
  "creditor.kind.citizen": "Individual",
  "creditor.kind.company": "Company",
  "creditor.kind.bank": "Bank",
  "footer.note": "Figures are computed live from the database, within your account's access.",
};

/** A feature's messages in both languages, by key. */
export interface Catalog<K extends string> {
  readonly vi: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Values put into a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A catalog from its Vietnamese messages and their English translation. The
 * English object must carry exactly the Vietnamese keys.
 */
export function defineMessages<const V extends Record<string, string>, const E extends { readonly [K in keyof V]: string }>(
  vi: V,
  en: E & Record<Exclude<keyof E, keyof V>, never>,
): Catalog<keyof V & string> {
  return { vi, en: en as unknown as Record<keyof V & string, string> };
}

/** One message in a language, its `{name}` placeholders filled; an unknown placeholder stays visible. */
export function translate<K extends string>(catalog: Catalog<K>, lang: Lang, key: K, params?: MessageParams): string {
  const text = (lang === "en" ? catalog.en : catalog.vi)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The page's translator for a catalog: `const m = useMessages(messages); m("title")`. */
export function useMessages<K extends string>(catalog: Catalog<K>): (key: K, params?: MessageParams) => string {
  const lang = useLang();
  return (key, params) => translate(catalog, lang, key, params);
}

/** The messages every page shares (navigation, sign-in, errors). */
export const common: Catalog<MessageKey> = { vi, en };

export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return translate(common, lang, key, params);
}

export function caseStatusLabel(lang: Lang, status: string): string {
  return (CASE_STATUS_LABELS as Record<string, { vi: string; en: string }>)[status]?.[lang] ?? status;
}

export function deadlineLabel(lang: Lang, kind: string): string {
  return (DEADLINE_LABELS as Record<string, { vi: string; en: string }>)[kind]?.[lang] ?? kind;
}

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" ? "en" : "vi";
}

/** The language of the current page, from the root loader. */
export function useLang(): Lang {
  return useRootData()?.lang ?? "vi";
}

export function useT(): (key: MessageKey, params?: MessageParams) => string {
  return useMessages(common);
}
