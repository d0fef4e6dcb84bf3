/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  // The OpenTelemetry SDK too: one copy per process, shared with Next's own tracer (instrumentation.ts).
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@prisma/instrumentation",
  ],
  poweredByHeader: false,
  // forbidden() in requireAdmin (lib/auth/current-user.ts) renders app/forbidden.tsx with HTTP 403.
  // Server actions take at most MAX_BODY_BYTES too (proxy.ts refuses larger declared bodies first).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: Number(process.env.MAX_BODY_BYTES) || 64 * 1024 } },
  // Every response, static files included; proxy.ts adds the CSP (with a nonce for pages) and HSTS.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
