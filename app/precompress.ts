import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The browser's files worth compressing; fonts and images already are. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|webmanifest)$/;

/**
 * Writes every browser file of the client build next to itself as .br (brotli at its best
 * quality) and .gz (gzip level 9), once per build, so the server sends them without compressing
 * on each request (server.js serves them through express-static-gzip). Run after the whole build
 * (react-router.config.ts, buildEnd), when React Router has also written its route manifest.
 * Files under `minBytes` stay as they are: a compressed copy would save next to nothing.
 */
export async function precompressDirectory(dir: string, minBytes = 1024): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      if (body.length < minBytes) return;
      const [br, gzipped] = await Promise.all([
        brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      written++;
    }),
  );
  return written;
}
