import { dbTestConfig } from "../packages/db/test/vitest.db.ts";

// Unit tests, and the queries that take a transaction, against a throwaway embedded PostgreSQL.
export default dbTestConfig();
