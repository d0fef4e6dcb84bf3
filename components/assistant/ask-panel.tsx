"use client";
// "Ask RailBook": a button at the foot of every page opening a panel with the conversation. The
// panel is a labelled, non-modal dialog: focus goes to the question box when it opens, Escape or
// Close shuts it and returns focus to the button. Answers are announced politely, once, when they
// settle (a live region of its own: the conversation itself is not live, or a model's stream
// would be read out word by word), and each lists links to the trains, seat maps and
// bookings it cites. Full width on a phone, a side panel from the `sm` breakpoint.
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ASSISTANT_MESSAGE_MAX, type AssistantLink } from "@/lib/schemas/assistant";
import { askStreaming, AskError } from "./ask-stream";

interface Exchange {
  question: string;
  answer: string;
  links: AssistantLink[];
  state: "waiting" | "streaming" | "done" | "error";
}

export function AskPanel() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState("");
  const [log, setLog] = useState<Exchange[]>([]);
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const busy = log.at(-1)?.state === "waiting" || log.at(-1)?.state === "streaming";

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" });
  }, [log]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function update(patch: Partial<Exchange>) {
    setLog((l) => [...l.slice(0, -1), { ...l.at(-1)!, ...patch }]);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const question = draft.trim();
    if (!question || busy) return;
    setDraft("");
    setAnnouncement("Asking RailBook…");
    setLog((l) => [...l, { question, answer: "", links: [], state: "waiting" }]);
    try {
      const result = await askStreaming(question, conversationId, (text) => update({ answer: text, state: "streaming" }));
      setConversationId(result.conversationId);
      update({ answer: result.answer, links: result.links, state: "done" });
      setAnnouncement(result.answer);
    } catch (error) {
      const message = error instanceof AskError ? error.message : "Something went wrong. Try again.";
      update({ answer: message, state: "error" });
      setAnnouncement(message);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter asks, Shift+Enter starts a new line.
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <div className="print:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => (open ? close() : setOpen(true))}
        className="fixed bottom-4 right-4 z-40 rounded-full bg-brand-600 px-4 py-3 font-semibold text-white shadow-lg hover:bg-brand-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-300"
      >
        Ask RailBook
      </button>
      <section
        id={`${id}-panel`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={`${id}-title`}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
        className="fixed inset-x-0 bottom-0 z-50 flex max-h-[85vh] flex-col rounded-t-xl bg-white shadow-2xl ring-1 ring-slate-300 sm:inset-x-auto sm:bottom-20 sm:right-4 sm:w-[26rem] sm:rounded-xl"
      >
        <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-brand-900">
            Ask RailBook
          </h2>
          <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Close
          </button>
        </header>
        <div className="flex-1 space-y-4 overflow-y-auto px-4 py-3" role="region" aria-label="Conversation">
          {log.length === 0 ? (
            <p className="text-sm text-slate-600">
              Ask about trains between stations, whether a seat is free, your booking by its reference, refunds or the waiting list. I answer from live data and never book or pay
              for you.
            </p>
          ) : null}
          {log.map((x, i) => (
            <div key={i} className="space-y-2" data-testid="assistant-exchange">
              <p className="ml-8 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-950">
                <span className="sr-only">You asked: </span>
                {x.question}
              </p>
              <div className={`mr-4 rounded-lg px-3 py-2 text-sm ${x.state === "error" ? "bg-red-50 text-red-900" : "bg-slate-100 text-slate-900"}`}>
                <span className="sr-only">RailBook answered: </span>
                {x.state === "waiting" ? <span className="text-slate-500">Thinking…</span> : <p className="whitespace-pre-line" data-testid="assistant-answer">{x.answer}</p>}
                {x.links.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-2" aria-label="Pages this answer cites">
                    {x.links.map((l) => (
                      <li key={l.href}>
                        <Link href={l.href} className="font-medium text-brand-700 underline" onClick={() => setOpen(false)}>
                          {l.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          ))}
          <div ref={end} />
        </div>
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
        <form onSubmit={submit} className="flex items-end gap-2 border-t border-slate-200 p-3">
          <label htmlFor={`${id}-input`} className="sr-only">
            Your question
          </label>
          <textarea
            ref={input}
            id={`${id}-input`}
            rows={2}
            maxLength={ASSISTANT_MESSAGE_MAX}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="e.g. Trains from Gdańsk to Kraków tomorrow"
            className="min-h-[2.75rem] flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
          />
          <button type="submit" disabled={busy || !draft.trim()} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
            {busy ? "Asking…" : "Ask"}
          </button>
        </form>
      </section>
    </div>
  );
}
