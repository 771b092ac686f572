import { dbTestConfig } from "../test-support/src/vitest.ts";

export default dbTestConfig();
