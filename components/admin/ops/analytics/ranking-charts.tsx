"use client";
// Horizontal bar charts for rankings: occupancy per train and class (as a percentage), and the
// busiest station pairs by passengers. Labels sit on the category axis, so long names stay readable.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OccupancyRow, SegmentRow } from "@/lib/schemas/admin-analytics";

function Ranking({ data, valueKey, unit, color, max }: { data: Record<string, string | number>[]; valueKey: string; unit?: string; color: string; max?: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, max ?? "auto"]} unit={unit} tick={{ fontSize: 12 }} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip />
        <Bar dataKey={valueKey} fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function OccupancyChart({ rows }: { rows: OccupancyRow[] }) {
  const data = rows.map((r) => ({ label: `${r.trainNumber} · ${r.className}`, "Occupancy %": r.occupancy === null ? 0 : Math.round(r.occupancy * 1000) / 10 }));
  return <Ranking data={data} valueKey="Occupancy %" unit="%" color="#7c3aed" max={100} />;
}

export function SegmentsChart({ rows }: { rows: SegmentRow[] }) {
  const data = rows.map((r) => ({ label: `${r.from.name} → ${r.to.name}`, Passengers: r.passengers }));
  return <Ranking data={data} valueKey="Passengers" color="#0891b2" />;
}
