import Link from "next/link";

// A PNR that does not exist and one that belongs to someone else look exactly alike here, on
// purpose: a booking reference must not reveal whether a stranger's trip exists.
export default function BookingNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold text-brand-900">We could not find that booking</h1>
      <p className="text-slate-700">
        Check the booking reference. You can only see bookings made while signed in to this account.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/bookings" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          My bookings
        </Link>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
          Search trains
        </Link>
      </div>
    </div>
  );
}
