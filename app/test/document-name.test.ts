import { describe, expect, it } from "vitest";
import { downloadName } from "../app/routes/complaints/document-name.ts";

describe("a complaint document's download name", () => {
  it("carries the extension of the type read from the file, never the uploaded one", () => {
    expect(downloadName("don-khieu-nai.pdf", "application/pdf")).toBe("don-khieu-nai.pdf");
    expect(downloadName("scan.hta", "application/pdf")).toBe("scan.pdf");
    expect(downloadName("anh chup.html", "image/png")).toBe("anh chup.png");
    expect(downloadName("bien-ban", "image/jpeg")).toBe("bien-ban.jpg");
  });
});
