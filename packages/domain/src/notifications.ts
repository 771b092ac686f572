/** What a creditor account is told about (the database writes them; migration 20261212000100). */
export const NOTIFICATION_KINDS = ["request_status", "payment", "deadline_missed"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
