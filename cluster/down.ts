// npm run cluster:down: stops exactly the processes `cluster:up` recorded in its PID files
// (HAProxy, Patroni and the postmasters, etcd), then removes the cluster's state directory.
import { downCluster } from "./lib/cluster";

try {
  await downCluster((line) => console.log(`cluster: ${line}`));
  console.log("cluster: down");
} catch (error) {
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
