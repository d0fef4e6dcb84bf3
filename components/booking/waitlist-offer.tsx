"use client";
// In place of "Hold seats" when the class is sold out for the party: the offer to join the waiting
// list, with the place it would give. The button submits the booking form with joinWaitlist.
import { useWaitlistInfo } from "./use-waitlist-info";

interface Props {
  request: { serviceId: string; from: string; to: string; classCode: string; quota: string };
  partySize: number;
  pending: boolean;
  signedIn: boolean;
}

export function WaitlistOffer({ request, partySize, pending, signedIn }: Props) {
  const info = useWaitlistInfo(request, true);
  const position = info.data ? info.data.waiting + 1 : null;
  const closed = info.data?.open === false;
  return (
    <div className="w-full space-y-2 rounded-lg bg-sky-50 p-3 text-sky-950 ring-1 ring-sky-200" data-testid="waitlist-offer">
      <p>
        <span className="font-semibold">This class is sold out for {partySize === 1 ? "1 passenger" : `${partySize} passengers`}.</span>{" "}
        {closed
          ? "The waiting list for this train has closed."
          : "Join the waiting list: you pay now, and as soon as seats for your whole journey come free they are yours. If none do before the chart is prepared, a few hours before departure, you get everything back."}
      </p>
      {signedIn && !closed && (
        <button
          type="submit"
          disabled={pending || position === null}
          className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? "Joining the waiting list…" : position === null ? "Join the waitlist" : `Join the waitlist (position ${position})`}
        </button>
      )}
    </div>
  );
}
