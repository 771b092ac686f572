/** The name a download is saved under: the uploaded name with the extension of its checked type. */
export function downloadName(name: string, type: string): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  return `${name.replace(/\.[A-Za-z0-9]{1,8}$/, "")}${ext}`;
}
