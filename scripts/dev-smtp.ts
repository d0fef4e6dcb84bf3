// `npm run dev:smtp`: a local SMTP server that keeps what it receives in .data/mail/*.eml (one file
// per Message-ID), for pointing a worker at by hand: SMTP_URL=smtp://127.0.0.1:2525 npm run worker.
// `npm start` / `npm run dev` start the same server themselves when SMTP_URL is unset.
import path from "node:path";
import { DevSmtpServer } from "@/lib/notifications/dev-smtp";

const port = Number(process.env.DEV_SMTP_PORT ?? 2525);
const dir = path.resolve(process.env.RAILBOOK_DATA_DIR ?? ".data", "mail");

const server = await new DevSmtpServer({
  port,
  dir,
  onMessage: (m) => console.log(`${new Date().toISOString()} ${m.to.join(", ")}: ${m.parsed.subject ?? "(no subject)"} ${m.messageId}`),
}).start();
console.log(`Dev SMTP server on ${server.url}, messages in ${dir}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
