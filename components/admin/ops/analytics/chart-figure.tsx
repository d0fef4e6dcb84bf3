// One dashboard chart: a heading, a sentence saying what is counted, the chart itself, and the same
// numbers as a table behind a disclosure. The drawing is hidden from screen readers (an SVG of bars
// says little read aloud); the table is the accessible version and opens with the keyboard.
import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** Room per bar in a ranking chart, so each category label fits on its own line. */
const RANKING_BAR_PX = 32;
const CHART_MIN_PX = 256;

export function ChartFigure<Row>({ id, title, description, chart, rows, columns, empty, ranking = false }: {
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  rows: Row[];
  columns: Column<Row>[];
  empty?: string;
  /** One horizontal bar per row: the chart grows with the rows instead of squeezing their labels together. */
  ranking?: boolean;
}) {
  const height = ranking ? Math.max(CHART_MIN_PX, rows.length * RANKING_BAR_PX + 40) : CHART_MIN_PX;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-4 text-center text-sm text-slate-600">{empty ?? "Nothing to show for these dates."}</p>
      ) : (
        <>
          <div aria-hidden="true" className="w-full" style={{ height }}>
            {chart}
          </div>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-brand-700 underline">Show the numbers as a table</summary>
            <div className="mt-2 max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: data`}>
              <table className="min-w-full divide-y divide-slate-200">
                <caption className="sr-only">{title}</caption>
                <thead className="bg-slate-50">
                  <tr>
                    {columns.map((c) => (
                      <th key={c.header} scope="col" className={`px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600 ${c.numeric ? "text-right" : "text-left"}`}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row, i) => (
                    <tr key={i}>
                      {columns.map((c, j) => {
                        const Cell = j === 0 ? "th" : "td";
                        return (
                          <Cell key={c.header} scope={j === 0 ? "row" : undefined} className={`whitespace-nowrap px-3 py-1.5 ${j === 0 ? "text-left font-medium" : ""} ${c.numeric ? "text-right tabular-nums" : ""}`}>
                            {c.cell(row)}
                          </Cell>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
