/** The workbench's build: static files in dist/ that `concord serve` serves (nothing from the network). */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The strict CSP forbids inline scripts: no module-preload polyfill inlined into index.html.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
  },
});
