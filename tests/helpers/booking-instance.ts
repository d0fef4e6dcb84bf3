// A second app instance for the multi-instance and crash tests: its own process, its own pool and
// its own in-process queue, calling the same lib/ createBooking as the route handler. Run with
// `node --import tsx --conditions=react-server`: one process (tsx's own launcher would leave the
// real one running when killed), under the condition where `server-only` imports cleanly.
//
//   rush:   fires `count` one-passenger bookings at once, prints one JSON line with the outcomes.
//   stream: books forever with `concurrency` requests in flight, printing "KEY <key>" before each
//           request is sent and "DONE <key> <kind>" after it is answered, until it is killed.
import { randomUUID } from "node:crypto";
import { createBooking } from "@/lib/booking/create-booking";
import { batching } from "@/lib/inventory/turns";
import type { CreateBookingInput } from "@/lib/schemas/booking";

interface Spec {
  mode: "rush" | "stream";
  userIds: string[];
  input: CreateBookingInput;
  count?: number;
  concurrency?: number;
}

const spec = JSON.parse(process.argv[2]!) as Spec;
const actor = (i: number) => ({ userId: spec.userIds[i % spec.userIds.length]!, role: "PASSENGER" as const });

async function rush(): Promise<void> {
  const outcomes = await Promise.all(Array.from({ length: spec.count! }, (_, i) => createBooking(actor(i), spec.input, randomUUID())));
  const kinds = outcomes.map((o) => (o.kind === "refused" ? o.error.code : o.kind));
  console.log(JSON.stringify({ kinds, batching }));
  // The test reads the exit code as the verdict (0: the JSON line above is the result); exit
  // explicitly, since the pool's idle timers would keep the process alive.
  process.exit(0);
}

async function stream(): Promise<void> {
  let i = 0;
  const worker = async () => {
    for (;;) {
      const key = randomUUID();
      process.stdout.write(`KEY ${key}\n`);
      const outcome = await createBooking(actor(i++), spec.input, key);
      process.stdout.write(`DONE ${key} ${outcome.kind}\n`);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency ?? 8 }, worker));
}

(spec.mode === "rush" ? rush() : stream()).catch((error) => {
  console.error(error);
  process.exit(1); // a crash fails the test that spawned this instance (it expects 0)
});
