/** The figures of the official statistics forms, in their order, with their labels (the counting is in ./figures.ts). */
/** The keys of both official forms, in their order (also the API's keys, completion_rate aside). */
export const STAT_FIGURES = [
  "carried_over",
  "newly_accepted",
  "reopened",
  "total_accepted",
  "moved_in",
  "moved_out",
  "transferred_out",
  "registered",
  "returned",
  "to_enforce",
  "enforceable",
  "completed",
  "terminated",
  "in_progress",
  "postponed",
  "suspended",
  "other",
  "not_yet_enforceable",
  "carried_to_next",
  "separate_register",
] as const;
export type StatFigure = (typeof STAT_FIGURES)[number];

export const STAT_FIGURE_LABELS: Readonly<Record<StatFigure, { vi: string; en: string }>> = {
  carried_over: { vi: "Năm trước chuyển sang", en: "Carried over" },
  newly_accepted: { vi: "Thụ lý mới", en: "Newly accepted" },
  reopened: { vi: "Đưa ra khỏi sổ theo dõi riêng (có thông tin mới)", en: "Reopened from the separate register" },
  moved_in: { vi: "Nhận từ đơn vị khác trong tỉnh", en: "Received from another unit of the province" },
  total_accepted: { vi: "Tổng số thụ lý", en: "Total accepted" },
  transferred_out: { vi: "Ủy thác", en: "Transferred out" },
  moved_out: { vi: "Chuyển cho đơn vị khác trong tỉnh", en: "Given to another unit of the province" },
  registered: { vi: "Chuyển sổ theo dõi riêng", en: "Moved to the separate register" },
  returned: { vi: "Gửi lại yêu cầu thi hành án", en: "Request returned" },
  to_enforce: { vi: "Tổng số phải thi hành", en: "To enforce" },
  enforceable: { vi: "Có điều kiện thi hành", en: "Enforceable" },
  completed: { vi: "Thi hành xong", en: "Completed" },
  terminated: { vi: "Đình chỉ thi hành án", en: "Terminated" },
  in_progress: { vi: "Đang thi hành", en: "In progress" },
  postponed: { vi: "Hoãn thi hành án", en: "Postponed" },
  suspended: { vi: "Tạm đình chỉ", en: "Suspended" },
  other: { vi: "Khác (chưa phân loại)", en: "Other (not classified yet)" },
  not_yet_enforceable: { vi: "Chưa có điều kiện thi hành", en: "Not yet enforceable" },
  carried_to_next: { vi: "Chuyển kỳ sau", en: "Carried to next period" },
  separate_register: { vi: "Sổ theo dõi riêng (cuối kỳ)", en: "In the separate register (end of period)" },
};

/**
 * The figures a case list can be opened on: the forms' figures and "done", the completion rate's
 * numerator (completed + terminated, the dashboards' "Xong" columns).
 */
export const DRILL_FIGURES = [...STAT_FIGURES, "done"] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export const DRILL_FIGURE_LABELS: Readonly<Record<DrillFigure, { vi: string; en: string }>> = {
  ...STAT_FIGURE_LABELS,
  done: { vi: "Thi hành xong và đình chỉ thi hành án", en: "Completed or terminated" },
};

/** The two forms a figure is on: by cases and by money (a drill-down link says which: ?side=money). */
export const STAT_SIDES = ["cases", "money"] as const;
export type StatSide = (typeof STAT_SIDES)[number];
