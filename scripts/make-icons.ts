// Renders the home-screen icons in public/icons from app/icon.svg (the train glyph), with sharp
// (installed with Next.js for image optimisation). Run again after changing the glyph:
//   npx tsx scripts/make-icons.ts
// "any" icons: the blue glyph on a white rounded tile. "maskable" icons: the white glyph on a
// full-bleed blue square, the glyph inside the central 60% so any mask shape (circle, squircle)
// the phone cuts keeps all of it (the safe zone is the central 80% circle).
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const BRAND = "#174ba6";
const OUT = path.resolve("public/icons");

function glyph(svg: string, fill: string): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)?.[1];
  if (!inner) throw new Error("app/icon.svg has no <svg> body");
  return inner.replace(/fill="[^"]*"/g, "").replace("<path", `<path fill="${fill}"`);
}

function tile(body: string, maskable: boolean): string {
  // 24-unit glyph in a 40-unit canvas (60%) for maskable, 30-unit canvas (80%) for "any".
  const canvas = maskable ? 40 : 30;
  const offset = (canvas - 24) / 2;
  const background = maskable
    ? `<rect width="${canvas}" height="${canvas}" fill="${BRAND}"/>`
    : `<rect width="${canvas}" height="${canvas}" rx="6" fill="#ffffff"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${canvas} ${canvas}">${background}<g transform="translate(${offset} ${offset})">${body}</g></svg>`;
}

async function main() {
  const svg = await readFile(path.resolve("app/icon.svg"), "utf8");
  for (const maskable of [false, true]) {
    const source = Buffer.from(tile(glyph(svg, maskable ? "#ffffff" : BRAND), maskable));
    for (const size of [192, 512]) {
      const name = `icon-${maskable ? "maskable-" : ""}${size}.png`;
      await sharp(source, { density: 72 * (size / 30) }).resize(size, size).png().toFile(path.join(OUT, name));
      console.log(`wrote public/icons/${name}`);
    }
  }
  await sharp(Buffer.from(tile(glyph(svg, BRAND), false)), { density: 72 * 6 }).resize(180, 180).flatten({ background: "#ffffff" }).png().toFile(path.join(OUT, "apple-touch-icon.png"));
  console.log("wrote public/icons/apple-touch-icon.png");
}

main().catch((error) => {
  console.error(error);
  // An icon that could not be made must fail the command that asked for it.
  process.exit(1);
});
