// The web app manifest, served by Next.js at /manifest.webmanifest and linked from every page's
// <head>: with it (and the icons in public/icons, made by scripts/make-icons.ts) a phone offers
// "Add to home screen" and opens RailBook in its own window.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "RailBook: train tickets",
    short_name: "RailBook",
    description: "Search trains, choose your seat and book tickets across Poland and beyond.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#174ba6",
    lang: "en",
    categories: ["travel"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
