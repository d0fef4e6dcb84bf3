import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "./providers";
import { SiteHeader } from "@/components/layout/site-header";
import { AskPanel } from "@/components/assistant/ask-panel";
import { WelcomeNotice } from "@/components/auth/welcome-notice";

export const metadata: Metadata = {
  title: { default: "RailBook: train tickets", template: "%s · RailBook" },
  description: "Search trains, choose your seat and book tickets across Poland and beyond.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174ba6" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each gets its own CSP nonce (proxy.ts); a page prerendered
  // at build time would carry scripts without one, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-10">
            <WelcomeNotice />
            {children}
          </main>
          <footer className="border-t border-slate-200 pb-20 pt-6 text-center text-sm text-slate-500 sm:pb-6 print:hidden">
            RailBook · times are shown in each station&apos;s local time
          </footer>
          <AskPanel />
        </Providers>
      </body>
    </html>
  );
}
