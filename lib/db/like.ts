// Prisma's contains / startsWith put the text straight into a LIKE pattern, so a search for "%"
// or "_" would match everything. Escaped with PostgreSQL's default LIKE escape (a backslash),
// what the operator typed is matched as typed.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
