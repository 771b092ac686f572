import { defineMessages } from "../../i18n.ts";

/** The public portal's messages. */
export const publicMessages = defineMessages(
  {
    "portal.name": "Cổng thông tin thi hành án dân sự",
    "portal.signIn": "Đăng nhập",
  },
  {
    "portal.name": "Civil judgment enforcement portal",
    "portal.signIn": "Sign in",
  },
);
