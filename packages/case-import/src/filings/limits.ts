/** The most rows one bulk filing upload files (more: several files, or the API). */
export const FILING_MAX_ROWS = 50;
/** The most judgment copies uploaded with it, and the size of each. */
export const FILING_MAX_FILES = 50;
export const FILING_MAX_FILE_BYTES = 5 * 1024 * 1024;
