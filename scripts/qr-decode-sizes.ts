// How reliably the conductor's photo scan reads ticket codes: signs N one-passenger tickets with a
// throwaway key, draws each code as the ticket page does (6 px per module), and decodes it with the
// photo scan's decoders (jsQR, then ZXing) at each width components/check/decode-widths.ts tries,
// and with ZXing alone at the fixed widths the scan tried before. Prints how many codes each decoder
// fails to read at each size, and how many each strategy fails to read at all.
//   npx tsx scripts/qr-decode-sizes.ts [N=80]
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import QRCode from "qrcode";
import sharp from "sharp";
import zxing from "@zxing/library";
import jsQR from "jsqr";
import { signingInput } from "@/lib/tickets/ticket-token";
import { decodeWidths } from "@/components/check/decode-widths";

const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
const { privateKey } = generateKeyPairSync("ed25519");
const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
const PX_PER_MODULE = 6;

function ticket(): string {
  const input = signingInput(randomBytes(4).toString("hex"), {
    p: randomBytes(5).toString("hex").toUpperCase(),
    t: "IC 5310",
    d: "2026-12-19",
    f: "GDG",
    o: "KRK",
    c: "SECOND",
    x: [[`Ewa Tester ${randomBytes(6).toString("hex")}`, "5", 42]],
    nb: 1_766_000_000,
    ex: 1_766_100_000,
    ia: 1_765_000_000_000 + Math.floor(Math.random() * 1e9),
  });
  return `${input}.${sign(null, Buffer.from(input, "ascii"), privateKey).toString("base64url")}`;
}

type Decoder = "jsqr" | "zxing";

async function decodeAt(png: Buffer, width: number, decoder: Decoder): Promise<string | null> {
  const { data, info } = await sharp(png).resize({ width, kernel: "cubic" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (decoder === "jsqr") return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
  const luminance = new Uint8ClampedArray(info.width * info.height);
  for (let i = 0; i < luminance.length; i++) luminance[i] = (data[i * 4]! * 0.299 + data[i * 4 + 1]! * 0.587 + data[i * 4 + 2]! * 0.114) | 0;
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, info.width, info.height))), hints).getText();
  } catch {
    return null;
  }
}

async function main() {
  const n = Number(process.argv[2] ?? 80);
  const unread = new Map<string, number>();
  const count = (key: string) => unread.set(key, (unread.get(key) ?? 0) + 1);
  let failsNow = 0;
  let failsBefore = 0;
  for (let i = 0; i < n; i++) {
    const text = ticket();
    const svg = await QRCode.toString(text, { errorCorrectionLevel: "M", margin: 4, type: "svg", color: { dark: "#0f2f66", light: "#ffffff" } });
    const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
    const width = modules * PX_PER_MODULE;
    const png = await sharp(Buffer.from(svg.replace("<svg ", `<svg width="${width}" height="${width}" `))).png().toBuffer();
    const read = new Map<string, boolean>();
    const readsAt = async (w: number, decoder: Decoder) => {
      const key = `${decoder} at ${(w / width).toFixed(2)} (${w} px)`;
      if (!read.has(key)) read.set(key, (await decodeAt(png, w, decoder)) === text);
      if (!read.get(key)) count(key);
      return read.get(key)!;
    };
    const widths = decodeWidths(width);
    let now = false;
    for (const decoder of ["jsqr", "zxing"] as const) for (const w of widths) now = (await readsAt(w, decoder)) || now;
    if (!now) failsNow++;
    const before = [width, 1200, 900, 640, 480, 360, 280].filter((w, k) => k === 0 || w < width);
    if (!(await someReads(before, (w) => readsAt(w, "zxing")))) failsBefore++;
    if (i === 0) console.log(`QR of ${modules} modules (quiet zone included), photographed ${width} px wide`);
  }
  console.log("unread, by decoder and width (relative size):", Object.fromEntries([...unread].sort()));
  console.log(`unread by the scan (jsQR, then ZXing, at its sizes): ${failsNow} of ${n}; by ZXing alone at the fixed widths it used before: ${failsBefore} of ${n}`);
}

async function someReads(widths: number[], readsAt: (w: number) => Promise<boolean>): Promise<boolean> {
  for (const w of widths) if (await readsAt(w)) return true;
  return false;
}

void main();
