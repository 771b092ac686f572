/** Size limits of a public filing, shown on the form and enforced by the server. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 3;
export const MAX_BODY_BYTES = MAX_FILES * MAX_FILE_BYTES + 64 * 1024;
