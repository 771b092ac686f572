import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The browser's files worth compressing; fonts and images already are. */
export const PRECOMPRESSED = /\.(js|css|svg|json|txt|webmanifest)$/;

/**
 * Writes every browser file of the client build next to itself as .br (brotli at its best
 * quality) and .gz (gzip level 9), once per build, so the server sends them without compressing
 * on each request (server.js serves them through express-static-gzip). Small files stay as
 * they are: a compressed copy would save next to nothing.
 */
export function precompress(minBytes = 1024): Plugin {
  return {
    name: "thads:precompress",
    apply: "build",
    applyToEnvironment: (env) => env.name === "client",
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      await Promise.all(
        Object.values(bundle)
          .filter((file) => PRECOMPRESSED.test(file.fileName))
          .map(async (file) => {
            const body = Buffer.from(file.type === "chunk" ? file.code : file.source);
            if (body.length < minBytes) return;
            const [br, gzipped] = await Promise.all([
              brotli(body, {
                params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
              }),
              gz(body, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            const target = path.join(dir, file.fileName);
            await Promise.all([writeFile(`${target}.br`, br), writeFile(`${target}.gz`, gzipped)]);
          }),
      );
    },
  };
}
