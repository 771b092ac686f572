import { dbTestConfig } from "../db/test/vitest.db.ts";

export default dbTestConfig();
