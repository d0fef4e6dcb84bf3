// The widths a photo of a ticket's code is decoded at, largest first (see decodeAtScales in
// qr-scanner.tsx for why several, and scripts/qr-decode-sizes.ts for the figures behind them).
const RELATIVE_SIZES = [0.82, 0.7, 0.62, 0.56, 0.5, 0.45];
const FIXED_WIDTHS = [1200, 900, 640, 480, 360, 280];
const SMALLEST = 120;

export function decodeWidths(naturalWidth: number): number[] {
  const relative = RELATIVE_SIZES.map((k) => Math.round(naturalWidth * k));
  const fixed = FIXED_WIDTHS.filter((w) => w < naturalWidth);
  return [...new Set([naturalWidth, ...relative, ...fixed])].filter((w) => w >= SMALLEST);
}
