import { defineMessages } from "../../i18n.ts";

/** The sign-in page's own messages (its form's labels and errors are in the shared catalog). */
export const authMessages = defineMessages(
  {
    "login.publicLink": "Gửi yêu cầu, tra cứu kết quả thi hành án (không cần đăng nhập)",
  },
  {
    "login.publicLink": "File a request or track it (no sign-in needed)",
  },
);
