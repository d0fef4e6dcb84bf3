// `railbook` with no command at a terminal: a menu in the spirit of the booking systems' own
// clients (sign in, search, pick a train, seats, book, pay, my bookings, cancel, ask), with a
// spinner while the server works. Every step is the same command function the flags call.
import { intro, isCancel, outro, select, spinner, text, password } from "@clack/prompts";
import { createContext, type Context } from "./context";
import { EXIT } from "./errors";
import { report } from "./report";
import { login, logout } from "./commands/account";
import { searchServices, seats, today } from "./commands/travel";
import { book, cancel, listBookings, pay } from "./commands/bookings";
import { ask } from "./commands/ask";
import type { Booking, ServiceOffer } from "./format";
import { localTime, money } from "./format";

type Choice = "login" | "search" | "seats" | "book" | "pay" | "bookings" | "cancel" | "ask" | "logout" | "quit";

interface State {
  search?: { services: ServiceOffer[]; from: string; to: string };
  service?: ServiceOffer;
  booking?: Booking;
}

async function prompt(message: string, options: { initial?: string; secret?: boolean } = {}): Promise<string | null> {
  const value = options.secret ? await password({ message }) : await text({ message, initialValue: options.initial, defaultValue: options.initial });
  return isCancel(value) ? null : String(value ?? "").trim();
}

function withSpinner(ctx: Context): Context {
  const s = spinner();
  return { ...ctx, api: ctx.api.withProgress({ start: () => s.start("Asking the server"), stop: () => s.stop("") }) };
}

async function step(ctx: Context, choice: Choice, state: State): Promise<Context> {
  switch (choice) {
    case "login": {
      const email = await prompt("Email");
      const secret = email && (await prompt("Password", { secret: true }));
      if (!email || !secret) return ctx;
      await login(ctx, { email, password: secret });
      return withSpinner(await createContext({ api: ctx.apiUrl }));
    }
    case "logout":
      await logout(ctx);
      return withSpinner(await createContext({ api: ctx.apiUrl }));
    case "search": {
      const from = await prompt("From (station code or name)");
      const to = from && (await prompt("To"));
      const date = to && (await prompt("Date (YYYY-MM-DD)", { initial: today() }));
      if (!from || !to || !date) return ctx;
      state.search = await searchServices(ctx, from, to, date);
      if (state.search.services.length === 0) return ctx;
      const picked = await select({
        message: "Pick a train",
        options: state.search.services.map((s) => ({ value: s.serviceId, label: `${localTime(s.departure)} ${s.trainNumber} ${s.trainName}`, hint: s.classes.map((c) => `${c.class} ${money(c.fare)}`).join(", ") })),
      });
      if (!isCancel(picked)) state.service = state.search.services.find((s) => s.serviceId === picked);
      return ctx;
    }
    case "seats":
      if (!state.service || !state.search) return note("Search and pick a train first.", ctx);
      await seats(ctx, state.service.serviceId, { from: state.search.from, to: state.search.to });
      return ctx;
    case "book": {
      if (!state.service || !state.search) return note("Search and pick a train first.", ctx);
      const travelClass = await select({ message: "Class", options: state.service.classes.map((c) => ({ value: c.class, label: `${c.class}: ${c.available} left, ${money(c.fare)}` })) });
      if (isCancel(travelClass)) return ctx;
      const passengers = await prompt('Passengers, "Name,Age[,BERTH]" separated by ";"');
      if (!passengers) return ctx;
      const chosen = await prompt("Seats as COACH/NUMBER separated by spaces, one per passenger (empty: choose for me)", { initial: "" });
      state.booking = await book(ctx, state.service.serviceId, {
        from: state.search.from, to: state.search.to, class: String(travelClass),
        passenger: passengers.split(";").map((p) => p.trim()).filter(Boolean), seat: chosen ? chosen.split(/\s+/) : undefined,
      });
      return ctx;
    }
    case "pay": {
      const pnr = await prompt("PNR", { initial: state.booking?.pnr });
      const card = pnr && (await prompt("Card number", { secret: true }));
      if (pnr && card) await pay(ctx, pnr, { card });
      return ctx;
    }
    case "bookings":
      await listBookings(ctx);
      return ctx;
    case "cancel": {
      const pnr = await prompt("PNR to cancel", { initial: state.booking?.pnr });
      if (pnr) await cancel(ctx, pnr, {});
      return ctx;
    }
    case "ask": {
      const question = await prompt("Your question");
      if (question) await ask(ctx, question, {});
      return ctx;
    }
    case "quit":
      return ctx;
  }
}

function note(message: string, ctx: Context): Context {
  console.log(message);
  return ctx;
}

export async function interactive(start: Context): Promise<number> {
  intro(`RailBook at ${start.apiUrl}`);
  let ctx = withSpinner(start);
  const state: State = {};
  for (;;) {
    const choice = await select<Choice>({
      message: ctx.api.hasToken ? "What next?" : "What next? (sign in to book)",
      options: [
        ctx.api.hasToken ? { value: "logout", label: "Sign out" } : { value: "login", label: "Sign in" },
        { value: "search", label: "Search trains and pick one" },
        { value: "seats", label: "Seats of the chosen train", hint: state.service?.trainNumber },
        { value: "book", label: "Book the chosen train" },
        { value: "pay", label: "Pay for a booking", hint: state.booking?.pnr },
        { value: "bookings", label: "My bookings" },
        { value: "cancel", label: "Cancel a booking" },
        { value: "ask", label: "Ask the assistant" },
        { value: "quit", label: "Quit" },
      ],
    });
    if (isCancel(choice) || choice === "quit") break;
    try {
      ctx = await step(ctx, choice, state);
    } catch (error) {
      report(error, false); // shown, and the menu carries on
    }
  }
  outro("Goodbye.");
  return EXIT.DONE;
}
