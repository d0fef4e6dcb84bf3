import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, parseProxyTrust, PEER_HEADER, PEER_STAMPED_ENV } from "@/lib/net/client-address";

const h = (init: Record<string, string>) => new Headers(init);
const none = parseProxyTrust({});

describe("clientAddress", () => {
  afterEach(() => {
    process.env[PEER_STAMPED_ENV] = "1";
  });

  it("takes the socket address and ignores a client's own X-Forwarded-For and X-Real-IP", () => {
    const headers = h({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "192.0.2.1", "x-real-ip": "192.0.2.2" });
    expect(clientAddress(headers, none)).toBe("203.0.113.7");
    expect(clientAddress(h({ [PEER_HEADER]: "::ffff:203.0.113.9" }), none)).toBe("203.0.113.9");
    expect(clientAddress(h({ [PEER_HEADER]: "2001:DB8::1" }), none)).toBe("2001:db8::1");
  });

  it("does not believe the peer header unless our server stamped it", () => {
    delete process.env[PEER_STAMPED_ENV];
    expect(clientAddress(h({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "192.0.2.1" }), none)).toBeNull();
  });

  it("walks X-Forwarded-For from the right past TRUSTED_PROXIES to the first address not ours", () => {
    const trust = parseProxyTrust({ TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.7" });
    // A client forged "1.2.3.4"; our nginx (192.168.1.7) appended the real client; our LB is 10.0.0.5.
    const headers = h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "1.2.3.4, 198.51.100.20, 192.168.1.7" });
    expect(clientAddress(headers, trust)).toBe("198.51.100.20");
    // From an address that is not a trusted proxy, X-Forwarded-For is not read at all.
    expect(clientAddress(h({ [PEER_HEADER]: "198.51.100.9", "x-forwarded-for": "1.2.3.4" }), trust)).toBe("198.51.100.9");
    // Garbage is an untrusted hop: it stops the walk instead of being skipped.
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "198.51.100.20, evil" }), trust)).toBeNull();
  });

  it("with TRUST_PROXY_HOPS=n takes the entry the outermost of n proxies appended", () => {
    const one = parseProxyTrust({ TRUST_PROXY_HOPS: "1" });
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 198.51.100.20" }), one)).toBe("198.51.100.20");
    const two = parseProxyTrust({ TRUST_PROXY_HOPS: "2" });
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 198.51.100.20, 10.0.0.2" }), two)).toBe("198.51.100.20");
  });

  it("refuses settings with a typo instead of trusting everything", () => {
    expect(() => parseProxyTrust({ TRUSTED_PROXIES: "10.0.0/8" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseProxyTrust({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseProxyTrust({ TRUST_PROXY_HOPS: "one" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
