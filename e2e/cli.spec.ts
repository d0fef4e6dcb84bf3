// The `railbook` command (cli/railbook.mjs, as `npm install -g` installs it), spawned for real
// against the built app Playwright serves: a passenger's whole journey from the terminal, the
// --json answers, every exit code and the credentials file. No browser: the terminal is the client.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, newAccount, test } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve("cli/railbook.mjs");

function cli(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let configDir: string;

test.beforeEach(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), "railbook-cli-"));
});

test.afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

test("a passenger registers, signs in, searches, sees seats, books, pays, prints the ticket and cancels from the terminal", async ({ baseURL }) => {
  // A folder that does not exist yet: the CLI creates it, private to its owner.
  const ownDir = path.join(configDir, "railbook");
  const env = { RAILBOOK_API_URL: baseURL!, RAILBOOK_CONFIG_DIR: ownDir };
  const run = (...args: string[]) => cli(env, ...args);
  const account = newAccount();

  const registered = await run("register", "--name", account.name, "--email", account.email, "--password", account.password);
  expect(registered, registered.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining(`Account created for ${account.email}`) });

  const login = await run("login", "--email", account.email, "--password", account.password, "--json");
  expect(login.code, login.stderr).toBe(0);
  const issued = JSON.parse(login.stdout);
  expect(Object.keys(issued).sort()).toEqual(["expiresAt", "token"]);
  const file = path.join(ownDir, "credentials.json");
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect((await stat(ownDir)).mode & 0o777).toBe(0o700);
  expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ [baseURL!]: { token: issued.token, expiresAt: issued.expiresAt, email: account.email } });

  // Names as the web's picker takes them; the answer is the API's own.
  const date = daysFromNowInWarsaw(11);
  const search = await run("search", "Szczecin", "wroclaw", "--date", date, "--json");
  expect(search.code, search.stderr).toBe(0);
  const direct = await (await fetch(`${baseURL}/api/v1/search?from=SZC&to=WRO&date=${date}`)).json();
  expect(JSON.parse(search.stdout)).toEqual(direct);
  const service = direct.services.find((s: { classes: { class: string }[] }) => s.classes.some((c) => c.class === "SECOND"));
  expect(service, "a train with second class runs that day").toBeTruthy();
  const searchText = await run("search", "SZC", "WRO", "--date", date);
  expect(searchText.stdout).toContain(service.serviceId);
  expect(searchText.stdout).toContain(service.trainNumber);

  const seatsText = await run("seats", service.serviceId, "--from", "SZC", "--to", "WRO");
  expect(seatsText.code, seatsText.stderr).toBe(0);
  expect(seatsText.stdout).toMatch(/Coach \w+ \(SECOND, seated\): \d+ of \d+ free/);
  const seatsJson = await run("seats", service.serviceId, "--from", "SZC", "--to", "WRO", "--json");
  const map = JSON.parse(seatsJson.stdout);
  const coach = map.coaches.find((c: { class: string }) => c.class === "SECOND");
  const free = coach.seats.filter((s: { available: boolean; quota: string }) => s.available && s.quota === "GENERAL");
  const seat = free[Math.floor(Math.random() * free.length)];

  const booked = await run("book", service.serviceId, "--from", "Szczecin", "--to", "WRO", "--class", "SECOND", "--passenger", "Ala Nowak,34", "--seat", `${coach.coach}/${seat.number}`);
  expect(booked.code, booked.stderr).toBe(0);
  const pnr = /PNR ([A-Z0-9]{10})\s+HELD, held until/.exec(booked.stdout)?.[1];
  expect(pnr, booked.stdout).toBeTruthy();
  expect(booked.stdout).toContain(`Ala Nowak, 34: coach ${coach.coach} seat ${seat.number}`);
  expect(booked.stdout).toContain(`railbook pay ${pnr} --card`);

  // The same seat again: the server refuses, the code and its sentence on stderr, exit 1.
  const taken = await run("book", service.serviceId, "--from", "SZC", "--to", "WRO", "--class", "SECOND", "--passenger", "Olek Nowak,8", "--seat", seat.seatId, "--json");
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain("SEAT_UNAVAILABLE: A chosen seat was just taken. Pick another seat.");
  expect(JSON.parse(taken.stdout)).toEqual({ error: { code: "SEAT_UNAVAILABLE", message: expect.any(String), details: { reason: "TAKEN", seatIds: [seat.seatId] } } });

  const paid = await run("pay", pnr!, "--card", "4242 4242 4242 4242");
  expect(paid, paid.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining("with the card ending 4242") });

  const shown = await run("show", pnr!.toLowerCase(), "--json");
  const rest = await (await fetch(`${baseURL}/api/v1/bookings/${pnr}`, { headers: { authorization: `Bearer ${issued.token}` } })).json();
  expect(JSON.parse(shown.stdout)).toEqual(rest);
  expect(rest).toMatchObject({ pnr, status: "CONFIRMED", passengers: [expect.objectContaining({ name: "Ala Nowak", seatId: seat.seatId })] });

  const pdf = path.join(configDir, "ticket.pdf");
  const ticket = await run("ticket", pnr!, "--out", pdf);
  expect(ticket.code, ticket.stderr).toBe(0);
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");

  // Asked first: with nobody at a terminal to answer, that is a usage error and nothing changes.
  const unasked = await run("cancel", pnr!);
  expect(unasked.code).toBe(2);
  expect(unasked.stderr).toContain("--yes");
  const cancelled = await run("cancel", pnr!, "--yes", "--json");
  expect(cancelled.code, cancelled.stderr).toBe(0);
  const answer = JSON.parse(cancelled.stdout);
  expect(Object.keys(answer).sort()).toEqual(["booking", "refund"]);
  expect(answer.booking).toMatchObject({ pnr, status: "CANCELLED" });

  const list = await run("bookings", "--json");
  expect(JSON.parse(list.stdout).bookings.map((b: { pnr: string; status: string }) => [b.pnr, b.status])).toEqual([[pnr, "CANCELLED"]]);
  expect((await run("bookings")).stdout).toMatch(new RegExp(`^${pnr}\\s+CANCELLED`));

  // Signing out revokes the token on the server and forgets it here.
  const logout = await run("logout");
  expect(logout.code, logout.stderr).toBe(0);
  await expect(stat(file)).rejects.toThrow();
  const revoked = await fetch(`${baseURL}/api/v1/bookings`, { headers: { authorization: `Bearer ${issued.token}` } });
  expect(revoked.status).toBe(401);
  const signedOut = await run("bookings");
  expect(signedOut.code).toBe(1);
  expect(signedOut.stderr).toContain("UNAUTHENTICATED");
  expect(signedOut.stderr).toContain("railbook login");
});

test("exit codes: 1 when the server refuses, 2 for usage errors, 3 when the server cannot be reached", async ({ baseURL }) => {
  const env = { RAILBOOK_API_URL: baseURL!, RAILBOOK_CONFIG_DIR: configDir };
  const account = newAccount();

  const wrong = await cli(env, "login", "--email", account.email, "--password", "not-the-password");
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain("INVALID_CREDENTIALS: That email and password do not match an account.");

  const invalid = await cli(env, "register", "--name", "X", "--email", "not-an-email", "--password", "short", "--json");
  expect(invalid.code).toBe(1);
  expect(JSON.parse(invalid.stdout).error.code).toBe("VALIDATION_FAILED");
  expect(invalid.stderr).toMatch(/^ {2}email: /m);

  const stations = await cli(env, "stations", "--json");
  expect(stations.code).toBe(0);
  expect(JSON.parse(stations.stdout)).toEqual(await (await fetch(`${baseURL}/api/v1/stations`)).json());

  for (const args of [
    ["no-such-command"],
    ["book", "svc", "--from", "SZC", "--to", "WRO", "--class", "SECOND"], // no --passenger
    ["book", "svc", "--from", "SZC", "--to", "WRO", "--class", "SECOND", "--passenger", "Ala without age"],
    ["search", "SZC", "WRO", "--date", "tomorrow"],
    ["search", "Atlantis", "WRO"],
    ["login"], // nothing to prompt with: no terminal
    [], // the menu needs a terminal
  ]) {
    const usage = await cli(env, ...args);
    expect(usage.code, args.join(" ")).toBe(2);
    expect(usage.stderr, args.join(" ")).not.toBe("");
  }
  await expect(stat(path.join(configDir, "credentials.json"))).rejects.toThrow();

  // A port that was just free: nothing listens there.
  const closed = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const nowhere = `http://127.0.0.1:${closed}`;
  const nobody = await cli({ ...env, RAILBOOK_API_URL: nowhere }, "stations");
  expect(nobody.code).toBe(3);
  expect(nobody.stderr).toContain(`Cannot reach the RailBook server at ${nowhere} (ECONNREFUSED)`);
  const overridden = await cli({ ...env, RAILBOOK_API_URL: nowhere }, "--api", baseURL!, "stations");
  expect(overridden.code, overridden.stderr).toBe(0);
});

test("ask puts a question to the server's assistant and prints its answer and sources", async ({ baseURL }) => {
  const env = { RAILBOOK_API_URL: baseURL!, RAILBOOK_CONFIG_DIR: configDir };
  const asked = await cli(env, "ask", "How long are seats held while I pay?");
  expect(asked.code, asked.stderr).toBe(0);
  expect(asked.stdout).toMatch(/minutes/);
  expect(asked.stdout).toContain("Continue with: railbook ask");
  // --json prints the API's answer exactly.
  const json = await cli(env, "ask", "--json", "Which trains go from Gdańsk to Kraków tomorrow?");
  expect(json.code, json.stderr).toBe(0);
  const body = JSON.parse(json.stdout) as { answer: string; conversationId: string; sources: { type: string; id: string }[] };
  expect(body.answer.length).toBeGreaterThan(0);
  expect(typeof body.conversationId).toBe("string");
  expect(body.sources.some((s) => s.type === "service" || s.type === "station")).toBe(true);
  // Bad input is the server's refusal: exit 1 with its code.
  const empty = await cli(env, "ask", " ");
  expect(empty.code).not.toBe(0);
});

test("a passenger drops one traveller and moves the booking to first class from the terminal", async ({ baseURL }) => {
  const env = { RAILBOOK_API_URL: baseURL!, RAILBOOK_CONFIG_DIR: configDir };
  const run = (...args: string[]) => cli(env, ...args);
  const account = newAccount();
  expect((await run("register", "--name", account.name, "--email", account.email, "--password", account.password)).code).toBe(0);
  expect((await run("login", "--email", account.email, "--password", account.password)).code).toBe(0);
  const date = daysFromNowInWarsaw(12);
  const found = JSON.parse((await run("search", "Gdańsk Główny", "Warszawa Centralna", "--date", date, "--json")).stdout);
  const service = found.services.find((s: { classes: { class: string }[] }) => ["SECOND", "FIRST"].every((c) => s.classes.some((x) => x.class === c)));
  expect(service, "a train with first and second class runs that day").toBeTruthy();
  const booked = JSON.parse((await run("book", service.serviceId, "--from", "Gdańsk Główny", "--to", "Warszawa Centralna", "--class", "SECOND", "--passenger", "Ala Nowak,34", "--passenger", "Olek Nowak,8", "--json")).stdout);
  expect((await run("pay", booked.pnr, "--card", "4242424242424242")).code).toBe(0);

  const bad = await run("cancel", booked.pnr, "--passenger", "9", "--yes");
  expect(bad.code).toBe(2);
  const dropped = await run("cancel", booked.pnr, "--passenger", "2", "--yes");
  expect(dropped, dropped.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Olek Nowak cancelled from [A-Z0-9]{10}; refund /) });

  // Asked first: nobody at a terminal to answer, so nothing changes.
  const unasked = await run("exchange", booked.pnr, "--service", service.serviceId, "--class", "FIRST", "--card", "4242424242424242");
  expect(unasked.code).toBe(2);
  const moved = await run("exchange", booked.pnr, "--service", service.serviceId, "--class", "FIRST", "--card", "4242424242424242", "--yes", "--json");
  expect(moved.code, moved.stderr).toBe(0);
  const answer = JSON.parse(moved.stdout);
  expect(answer.booking).toMatchObject({ pnr: booked.pnr, class: "FIRST", status: "CONFIRMED" });
  expect(answer.booking.passengers.map((p: { status: string }) => p.status)).toEqual(["CONFIRMED", "CANCELLED"]);
  expect(answer.payment.amount).toBe(answer.price.difference.amount);
  expect(answer.price.difference.amount).toBeGreaterThan(0);
  // The same again is nothing to change: the server's reason, exit 1.
  const again = await run("exchange", booked.pnr, "--service", service.serviceId, "--class", "FIRST", "--yes");
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("VALIDATION_FAILED");
});
