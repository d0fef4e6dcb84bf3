// Vitest stand-in for the `server-only` marker package (it throws outside Next's server bundles).
export {};
