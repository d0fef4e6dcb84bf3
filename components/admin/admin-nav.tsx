import { NavLink } from "@/components/layout/nav-link";
import type { RoleName } from "@/lib/schemas/roles";

// The operator area's sections. Every page behind these links checks the role on the server.
const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/stations", label: "Stations" },
  { href: "/admin/trains", label: "Trains" },
  { href: "/admin/coach-types", label: "Coach types" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/pricing", label: "Fares & rules" },
  { href: "/admin/bookings", label: "Bookings", desk: true },
  { href: "/admin/holds", label: "Unpaid holds" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/exports", label: "Exports" },
] as const;

/** Desk staff see only the sections they may use (decision 031); the pages check again. */
export function AdminNav({ role }: { role: RoleName }) {
  return (
    <nav aria-label="Operations" className="-mx-4 overflow-x-auto px-4 print:hidden">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 pb-2 text-sm">
        {SECTIONS.filter((s) => role === "ADMIN" || ("desk" in s && s.desk)).map((s) => (
          <li key={s.href}>
            <NavLink href={s.href} exact={s.href === "/admin"}>
              {s.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
