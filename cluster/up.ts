// npm run cluster:up: a highly available PostgreSQL on this machine's loopback: 3 etcd members,
// 3 Patroni-managed PostgreSQL 15 members with synchronous replication, HAProxy on the primary.
// Then creates and migrates the app's database and prints the DATABASE_URL to use.
import { upCluster } from "./lib/cluster";
import { ensureAppDatabase } from "./lib/app-database";
import { APP_DATABASE, HAPROXY, STATE_DIR } from "./lib/layout";

const log = (line: string) => console.log(`cluster: ${line}`);

try {
  const result = await upCluster(log);
  if (result.alreadyRunning) log(`already running (state in ${STATE_DIR})`);
  else log(`up in ${result.seconds.toFixed(1)} s (state in ${STATE_DIR})`);
  const url = await ensureAppDatabase(APP_DATABASE, log);
  console.log(`
The primary is always at 127.0.0.1:${HAPROXY.port} (HAProxy). Use it with:
  export DATABASE_URL=${url}
  npm run db:seed && npm start
See the members: npm run cluster:status    Stop and remove it: npm run cluster:down`);
} catch (error) {
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Logs are in ${STATE_DIR}/logs; \`npm run cluster:down\` cleans up.`);
  process.exitCode = 1;
}
