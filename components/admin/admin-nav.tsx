import { NavLink } from "@/components/layout/nav-link";

// The operator area's sections. Every page behind these links checks the admin role on the server.
const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/stations", label: "Stations" },
  { href: "/admin/trains", label: "Trains" },
  { href: "/admin/coach-types", label: "Coach types" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/pricing", label: "Fares & rules" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/holds", label: "Unpaid holds" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/users", label: "Users" },
] as const;

export function AdminNav() {
  return (
    <nav aria-label="Operations" className="-mx-4 overflow-x-auto px-4 print:hidden">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 pb-2 text-sm">
        {SECTIONS.map((s) => (
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
