import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  ssr: {
    // Workspace packages export TypeScript source: bundle them into the server build.
    noExternal: [/^@thads\//],
  },
});
