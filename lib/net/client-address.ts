// Who is on the other end of a request, for per-address limits. The socket address is the only
// thing a client cannot forge; X-Forwarded-For is believed only as far as the operator says
// proxies of theirs wrote it (TRUSTED_PROXIES or TRUST_PROXY_HOPS; docs/decisions/019-client-address.md).
//
// Next.js does not hand route handlers the socket, and `next start` keeps a client's own
// X-Forwarded-For instead of its socket address, so scripts/serve.mjs (what `npm start` runs)
// stamps the socket address into PEER_HEADER, replacing whatever a client sent under that name.
// The header is believed only when that server says it runs (PEER_STAMPED_ENV).
import { BlockList, isIP } from "node:net";
import { logger } from "@/lib/logger";
import { config } from "@/lib/config";

export const PEER_HEADER = "x-railbook-peer-address";
export const PEER_STAMPED_ENV = "RAILBOOK_PEER_STAMPED";

export interface ProxyTrust {
  /** Addresses of the operator's own proxies: hops from these are skipped, right to left. */
  proxies: BlockList | null;
  /** Or: exactly this many proxies in front of the app, each appending one X-Forwarded-For entry. */
  hops: number;
}

/** "203.0.113.7", "::ffff:203.0.113.7" and "[2001:db8::1]:443"-free forms, lower-cased; null if not an address. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const ip = raw?.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return ip && isIP(ip) ? ip : null;
}

/** Parses TRUSTED_PROXIES ("10.0.0.0/8, 192.168.1.7, fd00::/8") and TRUST_PROXY_HOPS. Throws on a typo. */
export function parseProxyTrust(env: { TRUSTED_PROXIES?: string; TRUST_PROXY_HOPS?: string }): ProxyTrust {
  let proxies: BlockList | null = null;
  const list = env.TRUSTED_PROXIES?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  for (const entry of list) {
    const [address, prefix] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = ip ? (isIP(ip) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? (family === "ipv6" ? 128 : 32) : Number(prefix);
    if (!ip || !family || !Number.isInteger(bits) || bits < 0 || bits > (family === "ipv6" ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    }
    proxies ??= new BlockList();
    proxies.addSubnet(ip, bits, family);
  }
  const hops = env.TRUST_PROXY_HOPS ? Number(env.TRUST_PROXY_HOPS) : 0;
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY_HOPS: "${env.TRUST_PROXY_HOPS}" is not a whole number`);
  return { proxies, hops };
}

let cached: { key: string; trust: ProxyTrust } | undefined;
function currentTrust(): ProxyTrust {
  const { TRUSTED_PROXIES, TRUST_PROXY_HOPS } = config();
  const key = `${TRUSTED_PROXIES ?? ""}|${TRUST_PROXY_HOPS ?? ""}`;
  if (cached?.key !== key) cached = { key, trust: parseProxyTrust({ TRUSTED_PROXIES, TRUST_PROXY_HOPS }) };
  return cached.trust;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address, or null when it cannot be known (a plain `next start` with no proxy
 * settings: then nothing in the request is trustworthy). Entries that are not addresses count
 * as untrusted hops, so garbage never skips past a check.
 */
export function clientAddress(headers: Headers, trust: ProxyTrust = currentTrust()): string | null {
  const peer = config().RAILBOOK_PEER_STAMPED ? normalizeAddress(headers.get(PEER_HEADER)) : null;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);

  if (trust.proxies) {
    // Right to left: the peer, then each hop our proxies appended, until one is not ours.
    const chain = peer ? [...forwarded, peer] : forwarded;
    for (let i = chain.length - 1; i >= 0; i--) {
      const ip = normalizeAddress(chain[i]);
      if (!ip || !isTrusted(trust.proxies, ip)) return ip;
    }
    // Every hop is one of ours: the request started inside (a health check, a job).
    return normalizeAddress(chain[0]);
  }
  if (trust.hops > 0) {
    // Each of our `hops` proxies appended one entry; the outermost wrote the address it saw.
    if (forwarded.length === 0) return peer;
    return normalizeAddress(forwarded[Math.max(0, forwarded.length - trust.hops)]);
  }
  if (!peer) warnUnknownOnce();
  return peer;
}

let warned = false;
/** Once per process: an operator should learn that per-address limits cannot tell clients apart. */
function warnUnknownOnce(): void {
  if (warned || config().NODE_ENV !== "production") return;
  warned = true;
  logger.warn("client address unknown: run through scripts/serve.mjs (npm start) or set TRUSTED_PROXIES / TRUST_PROXY_HOPS; per-address limits now share one bucket");
}
