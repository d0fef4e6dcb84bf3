import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/current-user";
import { userSearchSchema } from "@/lib/schemas/admin-ops";
import { listUsers } from "@/lib/admin/users";
import { listAudit } from "@/lib/admin/audit-log";
import { EmptyState, PageHeader, Pager, TableScroll, flatParams, td, th, type SearchParams } from "@/components/admin/admin-ui";
import { ROLE_LABELS, type RoleName } from "@/lib/schemas/roles";
import type { AuditView } from "@/lib/admin/audit-log";
import { RoleForm } from "@/components/admin/ops/role-form";
import { operatorTime } from "@/components/admin/ops/operator-time";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireAdmin("/admin/users");
  // A search the schema refuses (control or direction-changing characters) lists everyone and says why.
  const parsed = userSearchSchema.safeParse(flatParams(await searchParams));
  const query = parsed.success ? parsed.data : { q: undefined, page: 1 };
  const searchError = parsed.success ? null : (parsed.error.issues[0]?.message ?? "That search could not be read.");
  const [{ users, total, page, pageCount, admins }, audit] = await Promise.all([listUsers(query), listAudit({ action: "user.role.change", take: 10 })]);
  // Each listed account's own role history (newest first), shown in its row.
  const history = await listAudit({ action: "user.role.change", targetIds: users.map((u) => u.id), take: 10 * Math.max(1, users.length) });
  const historyOf = (id: string) => history.filter((e) => e.targetId === id).slice(0, 10);

  return (
    <div className="space-y-5">
      <PageHeader title="Users" description={`Accounts and who may operate RailBook. There ${admins === 1 ? "is 1 admin" : `are ${admins} admins`}; the last one cannot be removed.`} />
      {searchError ? (
        <p role="alert" className="text-sm text-red-700">
          {searchError}
        </p>
      ) : null}
      <form role="search" action="/admin/users" className="flex flex-wrap items-end gap-2">
        <div className="grow sm:grow-0">
          <label htmlFor="users-q" className="block text-sm font-medium text-slate-800">
            Search by name or e-mail
          </label>
          <input id="users-q" name="q" type="search" defaultValue={query.q ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 sm:w-80" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
          Search
        </button>
      </form>
      {users.length === 0 ? (
        <EmptyState title={query.q ? `No account matches “${query.q}”.` : "There are no accounts yet."}>{query.q ? "Try part of the e-mail address." : null}</EmptyState>
      ) : (
        <TableScroll label="Users">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>E-mail</th>
                <th scope="col" className={th}>Role</th>
                <th scope="col" className={`${th} text-right`}>Bookings</th>
                <th scope="col" className={th}>Joined</th>
                <th scope="col" className={th}>Change role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id} data-user={u.email}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {u.name}
                    {u.id === me.id ? <span className="ml-1 text-xs font-normal text-slate-600">(you)</span> : null}
                  </th>
                  <td className={td}>{u.email}</td>
                  <td className={td}>{u.role === "PASSENGER" ? ROLE_LABELS.PASSENGER : <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">{ROLE_LABELS[u.role]}</span>}</td>
                  <td className={`${td} text-right tabular-nums`}>{u.bookings}</td>
                  <td className={td}>{operatorTime(u.createdAt)}</td>
                  <td className={td}>
                    <RoleForm userId={u.id} name={u.name} role={u.role} isSelf={u.id === me.id} />
                    <RoleHistory name={u.name} entries={historyOf(u.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager path="/admin/users" query={{ q: query.q }} page={page} pageCount={pageCount} total={total} noun={total === 1 ? "account" : "accounts"} />
      <section aria-labelledby="audit-heading" className="space-y-2">
        <h2 id="audit-heading" className="text-lg font-semibold text-slate-900">
          Recent role changes
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">No role has been changed yet.</p>
        ) : (
          <ul aria-label="Audit log" className="divide-y divide-slate-200 rounded-xl bg-white text-sm shadow-sm ring-1 ring-slate-200">
            {audit.map((entry) => {
              const d = entry.details as { from?: string; to?: string; email?: string };
              return (
                <li key={entry.id} className="p-3">
                  {operatorTime(entry.at.toISOString())}: {entry.actor?.name ?? "A deleted account"} made {d.email ?? "an account"} {roleWords(d.to)}
                  {d.from && d.to ? ` (${ROLE_LABELS[d.from as RoleName] ?? d.from} → ${ROLE_LABELS[d.to as RoleName] ?? d.to})` : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function roleWords(role: string | undefined): string {
  return role === "ADMIN" ? "an admin" : role === "DESK" ? "desk staff" : role === "CONDUCTOR" ? "a conductor" : "a passenger";
}

/** One account's role changes: who changed it, when, from what to what. */
function RoleHistory({ name, entries }: { name: string; entries: AuditView[] }) {
  if (entries.length === 0) return <p className="mt-2 text-xs text-slate-500">Role never changed.</p>;
  return (
    <details className="mt-2 text-xs text-slate-700">
      <summary className="cursor-pointer underline">{`Role history (${entries.length})`}</summary>
      <ul aria-label={`Role history of ${name}`} className="mt-1 space-y-1 whitespace-normal">
        {entries.map((e) => {
          const d = e.details as { from?: string; to?: string };
          return (
            <li key={e.id} data-role-change>
              {`${operatorTime(e.at.toISOString())}: ${ROLE_LABELS[d.from as RoleName] ?? d.from} → ${ROLE_LABELS[d.to as RoleName] ?? d.to}, by ${e.actor?.name ?? "a deleted account"}`}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
