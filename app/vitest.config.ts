import { dbTestConfig } from "../packages/test-support/src/vitest.ts";

// Unit tests, and the queries that take a transaction, against a throwaway embedded PostgreSQL.
export default dbTestConfig();
