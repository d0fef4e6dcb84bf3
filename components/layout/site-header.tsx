// The site header: logo, main navigation, and the account corner. A server component: it reads
// the session itself, so what it shows (Operations for admins) follows the database, not the JWT.
// On narrow screens the row wraps: the navigation drops to its own line under the logo.
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/app/(auth)/actions";
import { NavLink } from "@/components/layout/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { unreadCount } from "@/lib/notifications/inbox";
import { canCheckTickets } from "@/lib/schemas/roles";

export async function SiteHeader() {
  const user = await getSessionUser();
  const unread = user ? await unreadCount(user.id) : 0;

  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 rounded text-lg font-bold text-brand-700" aria-label="RailBook home">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 fill-current">
            <path d="M12 2c-4 0-8 .5-8 4v9.5A3.5 3.5 0 0 0 7.5 19L6 20.5v.5h2.2l2-2h3.6l2 2H18v-.5L16.5 19a3.5 3.5 0 0 0 3.5-3.5V6c0-3.5-4-4-8-4Zm-4.5 15a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3ZM11 10H6V6h5v4Zm5.5 7a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm1.5-7h-5V6h5v4Z" />
          </svg>
          <span>RailBook</span>
        </Link>

        <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              <NavLink href="/">Search</NavLink>
            </li>
            {user ? (
              <li>
                <NavLink href="/bookings">My bookings</NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink href="/profile">My profile</NavLink>
              </li>
            ) : null}
            {user && canCheckTickets(user.role) ? (
              <li>
                <NavLink href="/check">Check tickets</NavLink>
              </li>
            ) : null}
            {user?.role === "ADMIN" ? (
              <li>
                <NavLink href="/admin">Operations</NavLink>
              </li>
            ) : null}
            {user?.role === "DESK" ? (
              <li>
                <NavLink href="/admin/bookings">Bookings desk</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>

        <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
          {user ? (
            <>
              <NotificationBell initialUnread={unread} />
              <span className="max-w-[12rem] truncate text-slate-700" title={user.email}>
                <span className="sr-only">Signed in as </span>
                {user.name}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded-md px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
                Sign in
              </Link>
              <Link href="/register" className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
                Register
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
