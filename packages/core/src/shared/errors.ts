/** A refusal the user can act on: a code and a message in both languages, naming the field where there is one. */
export interface ServiceError {
  code: string;
  message_vi: string;
  message_en: string;
  field?: string;
}

export type ServiceResult<T> = ({ ok: true } & T) | { ok: false; error: ServiceError };

export const notFound = (): ServiceError => ({
  code: "not_found",
  message_vi: "Không tìm thấy việc thi hành án, hoặc bạn không có quyền với việc này.",
  message_en: "The case does not exist or you may not act on it.",
});

/** A stale version: someone else saved first. `subject` names what they changed (default: the case). */
export const conflict = (subject: { vi: string; en: string } = { vi: "Việc thi hành án", en: "this case" }): ServiceError => ({
  code: "conflict",
  message_vi: `${subject.vi} vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi rồi thực hiện lại.`,
  message_en: `Someone else has just updated ${subject.en}. Reload the page to see the change, then try again.`,
});

export const forbiddenStep = (): ServiceError => ({
  code: "forbidden",
  message_vi: "Bạn không có quyền thực hiện thao tác này trên việc thi hành án.",
  message_en: "You may not take this step on the case.",
});
