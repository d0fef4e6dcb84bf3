// `railbook` (npm run cli -- <command>): RailBook from the terminal, over the public HTTP API only.
// Exit codes: 0 done, 1 the server refused (its code and message on stderr), 2 usage error,
// 3 server unreachable. With no command at a terminal: the interactive menu (cli/interactive.ts).
import { Command, Option } from "commander";
import { createContext, type Context } from "./context";
import { EXIT } from "./errors";
import { report } from "./report";
import { login, logout, register } from "./commands/account";
import { concessions, searchServices, seats, stations } from "./commands/travel";
import { book, cancel, exchange, listBookings, pay, showBooking, ticket } from "./commands/bookings";
import { ask } from "./commands/ask";
import { interactive } from "./interactive";

const collect = (value: string, previous: string[] = []) => [...previous, value];

function program(): Command {
  const cli = new Command("railbook")
    .description("Book RailBook trains from the terminal.")
    .addOption(new Option("--api <url>", "RailBook server (default: $RAILBOOK_API_URL, else http://127.0.0.1:3000)"))
    .option("--json", "print the API's JSON answer exactly, instead of text")
    .exitOverride()
    .showHelpAfterError("(railbook --help lists the commands)");

  const run = (action: (ctx: Context, ...args: never[]) => Promise<unknown>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const ctx = await createContext(command.optsWithGlobals());
      await action(ctx, ...(args.slice(0, -1) as never[]));
    };

  cli.command("register").description("create an account")
    .option("--name <name>").option("--email <email>").option("--password <password>")
    .action(run((ctx, options: Parameters<typeof register>[1]) => register(ctx, options)));
  cli.command("login").description("sign in and keep an API token (asks for what is missing; the password is never shown)")
    .option("--email <email>").option("--password <password>")
    .action(run((ctx, options: Parameters<typeof login>[1]) => login(ctx, options)));
  cli.command("logout").description("revoke the token and forget it").action(run((ctx) => logout(ctx)));
  cli.command("stations").description("list stations").action(run((ctx) => stations(ctx)));
  cli.command("concessions").description("concessions on sale: codes for book --passenger \"Name,Age,CODE\", discount and the proof to show").action(run((ctx) => concessions(ctx)));
  cli.command("search").description("trains from FROM to TO (codes, or names as the web's picker takes them)")
    .argument("<from>").argument("<to>").option("--date <YYYY-MM-DD>", "travel date (default today)")
    .action(run((ctx, from: string, to: string, options: { date?: string }) => searchServices(ctx, from, to, options.date)));
  cli.command("seats").description("the seat map of a train for a journey: free and taken seats, coach by coach")
    .argument("<serviceId>").requiredOption("--from <station>").requiredOption("--to <station>")
    .action(run((ctx, serviceId: string, options: { from: string; to: string }) => seats(ctx, serviceId, options)));
  cli.command("book").description("hold seats (then pay within the hold) or, with --wait, join the waiting list when sold out")
    .argument("<serviceId>").requiredOption("--from <station>").requiredOption("--to <station>").requiredOption("--class <class>", "e.g. SECOND")
    .requiredOption("--passenger <Name,Age[,BERTH][,CONCESSION]>", "a passenger, 1 to 6 times", collect)
    .option("--seat <COACH/NUMBER|seatId>", "a chosen seat per passenger, in passenger order", collect)
    .option("--quota <quota>").option("--wait", "join the waiting list when too few seats are left")
    .option("--together", "seats chosen for you must keep the party together, or nothing is held")
    .action(run((ctx, serviceId: string, options: Parameters<typeof book>[2]) => book(ctx, serviceId, options)));
  cli.command("pay").description("pay for a held booking").argument("<pnr>").requiredOption("--card <number>")
    .action(run((ctx, pnr: string, options: { card: string }) => pay(ctx, pnr, options)));
  cli.command("show").description("one of your bookings").argument("<pnr>").action(run((ctx, pnr: string) => showBooking(ctx, pnr)));
  cli.command("bookings").description("your bookings, newest first").action(run((ctx) => listBookings(ctx)));
  cli.command("cancel").description("cancel a booking, or one passenger of it (shows the refund and asks first)").argument("<pnr>")
    .option("--passenger <n>", "only this passenger (their number on the booking, 1 to 6); the others keep travelling").option("--yes", "do not ask")
    .action(run((ctx, pnr: string, options: { yes?: boolean; passenger?: string }) => cancel(ctx, pnr, options)));
  cli.command("exchange").description("move a paid booking to another train, date, journey or class (shows the price of the change and asks first)")
    .argument("<pnr>").requiredOption("--service <serviceId>", "the train to move to (railbook search lists them)")
    .option("--from <station>", "default: as booked").option("--to <station>", "default: as booked").option("--class <class>", "default: as booked")
    .option("--quota <quota>").option("--seat <COACH/NUMBER|seatId>", "a chosen seat per travelling passenger, in order", collect)
    .option("--card <number>", "pays the difference when the new journey costs more").option("--yes", "do not ask")
    .action(run((ctx, pnr: string, options: Parameters<typeof exchange>[2]) => exchange(ctx, pnr, options)));
  cli.command("ticket").description("save the e-ticket PDF").argument("<pnr>").requiredOption("--out <file>")
    .action(run((ctx, pnr: string, options: { out: string }) => ticket(ctx, pnr, options)));
  cli.command("ask").description("ask the assistant a question").argument("<question>").option("--conversation <id>", "continue a conversation")
    .action(run((ctx, question: string, options: { conversation?: string }) => ask(ctx, question, options)));
  return cli;
}

async function main(argv: string[]): Promise<number> {
  const cli = program();
  let code: number = EXIT.DONE;
  // No command: the menu for a person at a terminal; for a script, the help and a usage error.
  cli.action(async (options: { api?: string; json?: boolean }) => {
    if (!process.stdin.isTTY || !process.stdout.isTTY || options.json) {
      cli.outputHelp({ error: true });
      code = EXIT.USAGE;
      return;
    }
    code = await interactive(await createContext(options));
  });
  try {
    await cli.parseAsync(argv);
    return code;
  } catch (error) {
    return report(error, argv.includes("--json"));
  }
}

process.exitCode = await main(process.argv);
