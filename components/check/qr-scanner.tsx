"use client";
// Reads a ticket's QR code: live from the camera (the back one on a phone), or from a photo of it.
// @zxing/browser (the camera; photos too) and jsQR (photos, first) decode in the page itself, so
// nothing leaves the device; they are loaded only when a scan starts. BarcodeDetector would need no
// library but Chromium ships it only on Android, macOS and ChromeOS (docs/decisions/026).
import { useEffect, useRef, useState } from "react";
import type { IScannerControls } from "@zxing/browser";
import { decodeWidths } from "@/components/check/decode-widths";

export function QrScanner({ onCode, disabled }: { onCode: (text: string) => void; disabled?: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => controls.current?.stop(), []);

  async function startCamera() {
    setError(null);
    try {
      const { BrowserQRCodeReader } = await import("@zxing/browser");
      const reader = new BrowserQRCodeReader();
      setScanning(true);
      controls.current = await reader.decodeFromConstraints({ video: { facingMode: "environment" } }, video.current!, (result, _err, ctl) => {
        if (!result) return;
        ctl.stop();
        setScanning(false);
        onCode(result.getText());
      });
    } catch {
      setScanning(false);
      setError("The camera is not available. Allow camera access, or scan a photo of the code, or type the booking reference.");
    }
  }

  function stopCamera() {
    controls.current?.stop();
    setScanning(false);
  }

  async function fromPhoto(file: File) {
    setError(null);
    const url = URL.createObjectURL(file);
    try {
      const [{ default: jsQR }, { BrowserQRCodeReader }, { DecodeHintType }] = await Promise.all([import("jsqr"), import("@zxing/browser"), import("@zxing/library")]);
      // A photo is read once, so it may take the slower, more thorough search.
      const zxing = new BrowserQRCodeReader(new Map([[DecodeHintType.TRY_HARDER, true]]));
      onCode(decodePhoto(await loadImage(url), jsQR, zxing));
    } catch {
      setError("No ticket code could be read from that photo. Try again closer, or type the booking reference.");
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  return (
    <div className="space-y-3">
      <video ref={video} className={scanning ? "aspect-square w-full rounded-lg bg-black object-cover" : "hidden"} muted playsInline aria-label="Camera view" />
      <div className="flex flex-wrap gap-2">
        {scanning ? (
          <button type="button" onClick={stopCamera} className="flex-1 rounded-md border border-slate-300 bg-white px-4 py-3 font-semibold">
            Stop camera
          </button>
        ) : (
          <button type="button" onClick={startCamera} disabled={disabled} className="flex-1 rounded-md bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            Scan with camera
          </button>
        )}
        <label className="flex-1 cursor-pointer rounded-md border border-slate-300 bg-white px-4 py-3 text-center font-semibold focus-within:ring-2 focus-within:ring-brand-600">
          Scan a photo
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            disabled={disabled}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void fromPhoto(file);
            }}
          />
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("unreadable image"));
    image.src = url;
  });
}

/**
 * A photo is read by jsQR first and by ZXing after, each at several sizes, and the first reading
 * wins (a misread cannot pass, as the signature is checked). Of 150 one-passenger tickets (QR version
 * 12) photographed at 6 px per module, jsQR read every one at every size tried, while ZXing failed on
 * a third as they were and on 2-14 % at each smaller size; the code of a failed CI run read with ZXing only
 * at 45 % and 33 % of its size, and with jsQR at all of them (`npx tsx scripts/qr-decode-sizes.ts 150`).
 * ZXing stays as the second reader (and for the camera, where it reads frame after frame); sizes
 * relative to the photo and fixed widths cover small screenshots and large camera photos alike.
 */
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
type Zxing = { decodeFromCanvas(canvas: HTMLCanvasElement): { getText(): string } };

function decodePhoto(image: HTMLImageElement, jsQR: JsQr, zxing: Zxing): string {
  // Drawn afresh for each try: a camera photo is megapixels, too large to keep several copies of.
  const widths = decodeWidths(image.naturalWidth);
  for (const width of widths) {
    const canvas = drawn(image, width);
    const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    const read = jsQR(pixels.data, pixels.width, pixels.height);
    if (read?.data) return read.data;
  }
  for (const width of widths) {
    try {
      return zxing.decodeFromCanvas(drawn(image, width)).getText();
    } catch {
      // Not at this size: try a smaller one.
    }
  }
  throw new Error("no code found");
}

function drawn(image: HTMLImageElement, width: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = Math.round((image.naturalHeight * width) / image.naturalWidth);
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}
