"use client";
// Printing needs the browser's window, hence a client component of its own. The print styles
// (print: variants) hide navigation and buttons, leaving the ticket.
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
      Print
    </button>
  );
}
