// The in-process scheduler: each job again and again, one run at a time, through failures, and a
// stop that waits for the run in progress and starts no other.
import { describe, expect, it } from "vitest";
import { PeriodicJobs } from "@/lib/jobs/periodic";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PeriodicJobs", () => {
  it("runs every job repeatedly, never two runs of one job at once, and keeps going after a failure", async () => {
    let runs = 0;
    let running = 0;
    let overlapped = false;
    let failures = 0;
    const jobs = new PeriodicJobs(
      [
        {
          name: "slow",
          everyMs: 5,
          run: async () => {
            running++;
            if (running > 1) overlapped = true;
            runs++;
            await sleep(20);
            running--;
          },
        },
        {
          name: "failing",
          everyMs: 5,
          run: async () => {
            failures++;
            throw new Error("database away");
          },
        },
      ],
      1,
    ).start();
    await sleep(200);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(failures).toBeGreaterThanOrEqual(3);
  });

  it("stop() waits for the run in progress and starts no other", async () => {
    const events: string[] = [];
    const jobs = new PeriodicJobs(
      [
        {
          name: "sweep",
          everyMs: 1,
          run: async () => {
            events.push("start");
            await sleep(50);
            events.push("end");
          },
        },
      ],
      1,
    ).start();
    await sleep(20);
    await jobs.stop();
    expect(events).toEqual(["start", "end"]);
    await sleep(30);
    expect(events).toEqual(["start", "end"]);
  });
});
