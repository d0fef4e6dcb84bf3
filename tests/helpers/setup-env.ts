// Runs in every test worker before the tests: point lib/db at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX ??= "4";
process.env.AUTH_SECRET ??= "test-secret-not-for-production-000000000000";
// Requests in tests carry their "socket address" in the peer header, as scripts/serve.mjs sets it.
process.env.RAILBOOK_PEER_STAMPED = "1";
