/**
 * Bulk import of cases from a CSV or .xlsx file, as a named user:
 *
 *   npx tsx packages/case-import/src/cli.ts <file.csv|file.xlsx> --as <email> [--partial] [--dry-run]
 *   npx tsx packages/case-import/src/cli.ts --template out.csv|out.xlsx [--kind cases|migration-cases|events]
 *   npx tsx packages/case-import/src/cli.ts --migrate [--cases <file>] [--events <file>] [--snapshot [--cutover dd/mm/yyyy]] --as <email> [--partial] [--dry-run]
 *
 * Connects with the app's login (thads_app) and runs the import under the
 * user's claims, so row-level security applies exactly as in the web app. The
 * owner connection is used only to find the user by e-mail. Exit code 0: every
 * row imported (or, with --dry-run, would be); 1: errors (listed); 2: usage.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { appUrl, createAppSql, createOwnerSql, ownerUrl, readDbEnv, withClaims } from "@thads/db";
import type { Role } from "@thads/domain";
import { tryParseDateVi } from "@thads/domain";
import { importCases } from "./import.ts";
import { EVENT_FILE, MIGRATION_CASE_FILE } from "./migration/columns.ts";
import { importMigration, type MigrationProgress } from "./migration/migrate.ts";
import { EVENTS_TEMPLATE, MIGRATION_CASES_TEMPLATE } from "./migration/templates.ts";
import { parseImportFile } from "./parse.ts";
import { csvTemplate, xlsxTemplate, type TemplateKind } from "./templates.ts";
import type { ImportError, ImportProgress } from "./types.ts";

const USAGE = `Cách dùng / usage:
  npx tsx packages/case-import/src/cli.ts <tệp.csv|tệp.xlsx> --as <email> [--partial] [--dry-run]
  npx tsx packages/case-import/src/cli.ts --template mau.csv|mau.xlsx [--kind cases|migration-cases|events]
  npx tsx packages/case-import/src/cli.ts --migrate [--cases viec.csv] [--events su_kien.csv] [--snapshot [--cutover dd/mm/yyyy]] --as <email> [--partial] [--dry-run]

  --as <email>   người nhập (phải có vai trò thụ lý việc: thư ký, trưởng phòng khu vực, cán bộ cấp tỉnh)
  --partial      ghi các dòng hợp lệ, bỏ qua các dòng lỗi (mặc định: có lỗi thì không ghi dòng nào)
  --dry-run      kiểm tra toàn bộ (kể cả ghi thử rồi hoàn tác), không ghi gì
  --template f   ghi tệp mẫu (.csv hoặc .xlsx); --kind: cases (mặc định), migration-cases (tệp việc khi chuyển đổi), events (tệp sự kiện)
  --migrate      chuyển đổi dữ liệu: tệp việc (--cases) và tệp sự kiện (--events), lịch sử từng việc được kiểm tra theo quy định
  --snapshot     tệp việc ghi trạng thái tại ngày chuyển đổi (--cutover, mặc định hôm nay): tạo lịch sử tối thiểu`;

export function formatError(e: ImportError): string {
  const where = e.line > 0 ? `dòng ${e.line}` : "tệp";
  return `${where}${e.column ? `, cột ${e.column}` : ""}: ${e.message}`;
}

/** The command line's arguments (throws on an unknown option). */
function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      as: { type: "string" },
      partial: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      template: { type: "string" },
      kind: { type: "string", default: "cases" },
      migrate: { type: "boolean", default: false },
      cases: { type: "string" },
      events: { type: "string" },
      snapshot: { type: "boolean", default: false },
      cutover: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.template) {
    const out = values.template;
    const ext = path.extname(out).toLowerCase();
    const kinds: Record<string, TemplateKind | undefined> = {
      cases: undefined,
      "migration-cases": MIGRATION_CASES_TEMPLATE,
      events: EVENTS_TEMPLATE,
    };
    if (!(values.kind! in kinds)) {
      console.error(`--kind: cases, migration-cases hoặc events.`);
      return 2;
    }
    const kind = kinds[values.kind!];
    if (ext === ".csv") await writeFile(out, csvTemplate(kind), "utf8");
    else if (ext === ".xlsx") await writeFile(out, await xlsxTemplate({ kind }));
    else {
      console.error("Tệp mẫu phải có đuôi .csv hoặc .xlsx.");
      return 2;
    }
    console.log(`Đã ghi tệp mẫu ${out}`);
    return 0;
  }
  if (values.migrate) return migrateMain(values);
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.as) {
    console.error(USAGE);
    return 2;
  }

  const env = readDbEnv();
  const user = await findUser(values.as);
  if (!user) {
    console.error(`Không tìm thấy người dùng có email "${values.as}".`);
    return 1;
  }

  const tty = process.stderr.isTTY;
  let last = 0;
  const onProgress = (p: ImportProgress) => {
    const now = Date.now();
    if (p.phase !== "done" && now - last < 250) return;
    last = now;
    const line = `[${p.phase}] đã đọc ${p.parsed} · đã kiểm tra ${p.validated} · đã ghi ${p.written}/${p.total}`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };

  const started = performance.now();
  const parsed = await parseImportFile(file, { onProgress });
  const app = createAppSql(appUrl(env), { max: 1 });
  try {
    const result = await withClaims(app, { sub: user.id, role: "authenticated", email: user.email }, (tx) =>
      importCases(tx, parsed, {
        actor: { userId: user.id, roles: user.roles },
        allOrNothing: !values.partial,
        dryRun: values["dry-run"],
        onProgress,
      }),
    );
    if (tty) process.stderr.write("\n");
    const seconds = (performance.now() - started) / 1000;
    for (const e of result.errors) console.log(formatError(e));
    if (result.errorCount > result.errors.length) console.log(`… và ${result.errorCount - result.errors.length} lỗi khác.`);
    const rate = result.imported ? ` (${Math.round(result.imported / seconds)} dòng/giây)` : "";
    if (result.dryRun) {
      console.log(
        `Chạy thử: ${result.total} dòng, ${result.valid} hợp lệ, ${result.errorCount} lỗi; sẽ ghi ${result.imported} việc. Không ghi gì.`,
      );
    } else if (result.written) {
      console.log(
        `Đã nhập ${result.imported}/${result.total} việc (bản án: ${result.judgments.created} mới, ${result.judgments.reused} dùng lại) trong ${seconds.toFixed(seconds < 10 ? 2 : 1)} giây${rate}.`,
      );
    } else {
      console.log(
        `Không ghi dòng nào: ${result.errorCount} lỗi trong ${result.total} dòng.${values.partial ? "" : " Sửa các lỗi rồi nhập lại (hoặc dùng --partial để chỉ ghi các dòng hợp lệ)."}`,
      );
    }
    return result.errorCount > 0 ? 1 : 0;
  } finally {
    await app.end();
  }
}

/** The user by e-mail, with their roles (owner connection: the app's login may not read other users). */
async function findUser(email: string): Promise<{ id: string; email: string; roles: Role[] } | undefined> {
  const owner = createOwnerSql(ownerUrl(readDbEnv()), { max: 1 });
  try {
    const [user] = await owner<{ id: string; email: string; roles: Role[] }[]>`
      select u.id, u.email,
             coalesce(array_agg(m.role::text) filter (where m.role is not null), '{}') as roles
      from auth.users u left join public.memberships m on m.user_id = u.id
      where lower(u.email) = lower(${email}) and u.deleted_at is null
      group by u.id, u.email`;
    return user;
  } finally {
    await owner.end();
  }
}

/** --migrate: the cases file and/or the events file, in one transaction as the user. */
async function migrateMain(values: ReturnType<typeof parseCliArgs>["values"]): Promise<number> {
  if ((!values.cases && !values.events) || !values.as) {
    console.error(USAGE);
    return 2;
  }
  const cutover = values.cutover ? tryParseDateVi(values.cutover) : undefined;
  if (cutover === null) {
    console.error(`--cutover: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.`);
    return 2;
  }
  const user = await findUser(values.as);
  if (!user) {
    console.error(`Không tìm thấy người dùng có email "${values.as}".`);
    return 1;
  }
  const tty = process.stderr.isTTY;
  let last = 0;
  const onProgress = (p: MigrationProgress) => {
    const now = Date.now();
    if (p.phase !== "done" && now - last < 250) return;
    last = now;
    const line = `[${p.phase}] đã kiểm tra ${p.checked}/${p.total} dòng · đã ghi ${p.written}`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  const started = performance.now();
  const cases = values.cases ? await parseImportFile(values.cases, { columns: MIGRATION_CASE_FILE }) : undefined;
  const events = values.events ? await parseImportFile(values.events, { columns: EVENT_FILE }) : undefined;
  const app = createAppSql(appUrl(readDbEnv()), { max: 1 });
  try {
    const r = await withClaims(app, { sub: user.id, role: "authenticated", email: user.email }, (tx) =>
      importMigration(
        tx,
        { cases, events },
        {
          actor: { userId: user.id, roles: user.roles },
          allOrNothing: !values.partial,
          dryRun: values["dry-run"],
          snapshot: values.snapshot,
          ...(cutover ? { cutover } : {}),
          onProgress,
        },
      ),
    );
    if (tty) process.stderr.write("\n");
    const seconds = (performance.now() - started) / 1000;
    for (const e of r.errors) console.log(`${e.file === "cases" ? "tệp việc" : "tệp sự kiện"}, ${formatError(e)}`);
    if (r.errorCount > r.errors.length) console.log(`… và ${r.errorCount - r.errors.length} lỗi khác.`);
    const summary = `việc: ${r.cases.imported} mới, ${r.cases.unchanged} đã có; sự kiện: ${r.events.imported} mới (${r.events.synthetic} tạo từ ảnh chụp), ${r.events.unchanged} đã có`;
    if (r.dryRun) console.log(`Chạy thử: ${summary}; ${r.errorCount} lỗi. Không ghi gì.`);
    else if (r.written) console.log(`Đã chuyển đổi (${summary}) trong ${seconds.toFixed(seconds < 10 ? 2 : 1)} giây.`);
    else console.log(`Không ghi dòng nào: ${r.errorCount} lỗi.${values.partial ? "" : " Sửa các lỗi rồi nhập lại (hoặc dùng --partial)."}`);
    return r.errorCount > 0 ? 1 : 0;
  } finally {
    await app.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
