"use client";
// The live part of the checkout: the hold countdown and the card form, which stop together when
// the hold runs out (by the clock here, or because the server said so when paying). A place on the
// waiting list is paid up front through the same checkout, with its own words.
import { useState } from "react";
import Link from "next/link";
import { HoldCountdown } from "./hold-countdown";
import { PaymentForm } from "./payment-form";

interface Props {
  pnr: string;
  holdExpiresAt: string;
  serverNow: number;
  total: { amount: number; currency: string };
  searchAgainHref: string;
  waitlisted?: boolean;
}

export function HoldExpiredNotice({ searchAgainHref, waitlisted = false }: { searchAgainHref: string; waitlisted?: boolean }) {
  return (
    <div role="alert" className="space-y-2 rounded-xl border border-red-300 bg-red-50 p-5 text-red-900">
      <p className="text-lg font-semibold">{waitlisted ? "The time to pay for your waiting-list place has run out." : "Your seat hold has run out."}</p>
      <p>
        {waitlisted ? "You are no longer on the waiting list and nothing was charged." : "The seats went back on sale and nothing was charged."} Search again to
        book this or another train.
      </p>
      <Link href={searchAgainHref} className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Search again
      </Link>
    </div>
  );
}

export function CheckoutPanel({ pnr, holdExpiresAt, serverNow, total, searchAgainHref, waitlisted = false }: Props) {
  const [expired, setExpired] = useState(Date.parse(holdExpiresAt) <= serverNow);
  if (expired) return <HoldExpiredNotice searchAgainHref={searchAgainHref} waitlisted={waitlisted} />;
  return (
    <div className="space-y-4">
      <HoldCountdown expiresAt={holdExpiresAt} serverNow={serverNow} onExpire={() => setExpired(true)} waitlisted={waitlisted} />
      <PaymentForm pnr={pnr} total={total} disabled={expired} onHoldExpired={() => setExpired(true)} waitlisted={waitlisted} />
    </div>
  );
}
