"use client";
// A header link that marks the current section (aria-current), which needs the client's pathname.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** `exact` marks the link current only on its own path (a section index such as /admin). */
export function NavLink({ href, children, exact = false }: { href: string; children: ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const current =
    href === "/" ? pathname === "/" || pathname.startsWith("/search") : exact ? pathname === href : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded px-2 py-1.5 text-sm font-medium hover:bg-brand-50 hover:text-brand-700 ${
        current ? "text-brand-700 underline underline-offset-4" : "text-slate-700"
      }`}
    >
      {children}
    </Link>
  );
}
