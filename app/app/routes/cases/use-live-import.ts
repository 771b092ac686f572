import { useState, type FormEvent } from "react";
import type { ImportProgress, ImportResult } from "@thads/case-import";

/** A run streaming progress lines (an import through /cases/import/run, a migration through /cases/migrate/run), as the page shows it. */
export interface LiveRun<P, R> {
  running: boolean;
  upload: number;
  progress?: P;
  result?: R;
  formError?: string;
}
export type LiveImport = LiveRun<ImportProgress, ImportResult>;

/**
 * With JavaScript, the upload goes to /cases/import/run, which answers with
 * progress lines while it validates and writes; without it, the form posts
 * to the page and the result shows when the import is done. `failed` is the
 * message shown when no result comes back.
 */
export function useLiveImport<P = ImportProgress, R = ImportResult>(failed: string, url = "/cases/import/run") {
  const [live, setLive] = useState<LiveRun<P, R> | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = new FormData(e.currentTarget);
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const read = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n") + 1;
      if (end <= seen) return;
      const lines = text
        .slice(seen, end)
        .split("\n")
        .filter((l) => l.trim());
      seen = end;
      for (const line of lines) {
        let msg: { progress?: P; result?: R; formError?: string };
        try {
          msg = JSON.parse(line);
        } catch {
          setLive((s) => ({ ...(s ?? { upload: 1 }), running: false, formError: failed }));
          return;
        }
        setLive((s) => ({ ...(s ?? { upload: 1, running: true }), ...msg, upload: 1, running: !msg.result && !msg.formError }));
      }
    };
    xhr.open("POST", url);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setLive((s) => ({ ...(s ?? { running: true }), upload: ev.loaded / ev.total }));
    };
    xhr.onprogress = read;
    xhr.onload = () => {
      read();
      setLive((s) => (s?.running ? { ...s, running: false, formError: s.result ? undefined : failed } : s));
    };
    xhr.onerror = () => setLive((s) => ({ ...(s ?? { upload: 0 }), running: false, formError: failed }));
    setLive({ running: true, upload: 0 });
    xhr.send(body);
  }

  return { live, onSubmit };
}
