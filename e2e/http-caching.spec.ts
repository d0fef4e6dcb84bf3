// Over real HTTP against `next start`: the seat map's two parts and search come compressed, with an
// ETag that earns a 304, and with Cache-Control a CDN may act on for anonymous callers only.
import { expect, test } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

test("search and seat maps are compressed, revalidate with ETags, and are shared-cacheable only when anonymous", async ({ page, playwright, baseURL, passenger }) => {
  expect(passenger.email).toBeTruthy();
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Encoding": "gzip, br" } });
  const stations = (await (await anonymous.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const search = await anonymous.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(9)}`);
  expect(search.status()).toBe(200);
  expect(search.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=1, stale-while-revalidate=1$/);
  const serviceId = ((await search.json()).services as { serviceId: string }[])[0]!.serviceId;

  const layout = await anonymous.get(`/api/v1/services/${serviceId}/layout`);
  expect(layout.status()).toBe(200);
  expect(layout.headers()["content-encoding"]).toMatch(/gzip|br/);
  expect(layout.headers()["cache-control"]).toContain("s-maxage=60");
  const availabilityPath = `/api/v1/services/${serviceId}/availability?from=${from}&to=${to}`;
  const availability = await anonymous.get(availabilityPath);
  const etag = availability.headers()["etag"]!;
  expect(etag).toMatch(/^W\/"/);
  const again = await anonymous.get(availabilityPath, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);
  const layoutAgain = await anonymous.get(`/api/v1/services/${serviceId}/layout`, { headers: { "If-None-Match": layout.headers()["etag"]! } });
  expect(layoutAgain.status()).toBe(304);
  await anonymous.dispose();

  // Signed in (the fixture's passenger, through the page's session cookie): private.
  const signedIn = await page.request.get(availabilityPath);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["cache-control"]).toBe("private, no-cache");
});
