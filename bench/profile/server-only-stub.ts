// Stands in for the `server-only` package when bench/profile/in-process.ts imports lib/ and route
// handlers straight into Node (bench/profile/tsconfig.json maps it here), as Vitest's alias does
// for the tests: outside Next's react-server build the real package throws on import by design.
export {};
