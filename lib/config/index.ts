// The environment, parsed once (lib/config/schema.ts) and read through config() everywhere in lib/
// and app/: nothing else there reads process.env (docs/decisions/034-config.md).
// "Once" per distinct environment: the parse is kept and reused while the variables it reads are
// unchanged, which in a server is for ever; a test or a start-up script that sets a variable gets
// a fresh parse on the next read instead of a stale value.
import { CONFIG_KEYS, parseConfig, type Config } from "@/lib/config/schema";

export { ConfigError, parseConfig, isTimeZone, type Config, type EnvRecord } from "@/lib/config/schema";

const cache = globalThis as unknown as { __railbookConfig?: { fingerprint: string; config: Config } };

function fingerprint(): string {
  let key = "";
  for (const name of CONFIG_KEYS) key += `${process.env[name] ?? "\u0000"}\u0001`;
  return key;
}

/** The settings of this process. Throws a ConfigError naming every variable set to a bad value. */
export function config(): Config {
  const key = fingerprint();
  const kept = cache.__railbookConfig;
  if (kept?.fingerprint === key) return kept.config;
  const fresh = parseConfig(process.env);
  cache.__railbookConfig = { fingerprint: key, config: fresh };
  return fresh;
}

/** The operator's own clock: today's date for searches, reports, the assistant, the seed. */
export function operatorTimeZone(): string {
  return config().OPERATOR_TIME_ZONE;
}

/** APP_URL, else AUTH_URL: the public address, when the operator gave one. */
export function configuredAppUrl(): string | undefined {
  const c = config();
  return c.APP_URL ?? c.AUTH_URL;
}
