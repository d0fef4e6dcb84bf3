// Pieces every operator page shares: a page header, a table that scrolls sideways on a phone
// (focusable, so a keyboard can scroll it too), an empty state, a pager that keeps the query, and
// a status note for "saved" after a redirect. Server components: no client state.
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-slate-600">{description}</p> : null}
      </div>
      {action}
    </header>
  );
}

export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
      {children}
    </Link>
  );
}

/** A wide table inside a labelled, focusable region that scrolls sideways on narrow screens. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // tabIndex: a scrollable region must be reachable (and scrollable) by keyboard.
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {children}
    </div>
  );
}

export const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
export const td = "whitespace-nowrap px-3 py-2 align-top";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
      <p className="font-semibold text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

/** Previous / next links that keep the other query parameters. */
export function Pager({ path, query, page, pageCount, total, noun }: { path: string; query: Record<string, string | undefined>; page: number; pageCount: number; total: number; noun: string }) {
  if (pageCount <= 1) return <p className="text-sm text-slate-600">{`${total} ${noun}`}</p>;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${path}?${params}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">
        Page {page} of {pageCount} · {total} {noun}
      </span>
      {page < pageCount ? (
        <Link className={link} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** A confirmation shown after a redirect (e.g. "?saved=created"). */
export function StatusNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
      {children}
    </p>
  );
}

export const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

/** The first value of a search parameter. */
export function param(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function flatParams(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, param(v)]));
}

/** A load factor as a number with a small bar behind it: the number carries the meaning, the bar helps scanning. */
export function LoadBar({ bp, label }: { bp: number; label: string }) {
  const width = Math.min(100, Math.max(0, bp / 100));
  const tone = bp >= 9000 ? "bg-red-500" : bp >= 7000 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="h-2 w-16 overflow-hidden rounded bg-slate-200">
        <span className={`block h-full ${tone}`} style={{ width: `${width}%` }} />
      </span>
      <span className="tabular-nums">{label}</span>
    </span>
  );
}
