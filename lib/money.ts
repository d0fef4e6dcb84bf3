// Money is integer minor units plus an ISO currency code; formatting happens only at the edge.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amountMinor: number, currency: string): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(currency === "PLN" ? "pl-PL" : "en-GB", { style: "currency", currency });
    formatters.set(currency, f);
  }
  return f.format(amountMinor / 100);
}
