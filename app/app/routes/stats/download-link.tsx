import { useState } from "react";
import { useMessages } from "../../i18n.ts";
import { statsMessages } from "./messages.ts";

/**
 * A download that shows its progress: with JavaScript the file is fetched and the share received
 * so far is shown (the export sends its length), then saved under the server's file name; without
 * JavaScript it is a plain download link.
 */
export function DownloadLink({ href, label, testId }: { href: string; label: string; testId?: string }) {
  const m = useMessages(statsMessages);
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  async function onClick(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || progress !== null) return;
    e.preventDefault();
    setFailed(false);
    setProgress(0);
    try {
      const res = await fetch(href);
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const total = Number(res.headers.get("Content-Length") ?? "0");
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        if (total > 0) setProgress(Math.min(100, Math.round((100 * received) / total)));
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? "thong-ke";
      const url = URL.createObjectURL(
        new Blob(chunks as BlobPart[], { type: res.headers.get("Content-Type") ?? "application/octet-stream" }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <a
        href={href}
        onClick={onClick}
        className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700"
        data-testid={testId}
        download
      >
        {label}
      </a>
      {progress !== null ? (
        <span className="inline-flex items-center gap-1 text-xs text-slate-600" role="status">
          {m("download.progress")} <progress max={100} value={progress} className="w-20" aria-label={m("download.progressLabel")} />{" "}
          {progress}%
        </span>
      ) : null}
      {failed ? (
        <span role="alert" className="text-xs text-red-700">
          {m("download.failed")}
        </span>
      ) : null}
    </span>
  );
}
