import { dbTestConfig } from "./test/vitest.db.ts";

export default dbTestConfig();
