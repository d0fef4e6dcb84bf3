"use client";
// Opens the browser's print dialog; the page's print styles leave only the manifest.
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50 print:hidden">
      {label}
    </button>
  );
}
