import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { ResultConfirmation } from "@thads/core/requests";
import { formatSourceVi, rulesFor, weakestVerification } from "@thads/domain";
import { formatDateVi, formatTrackingCode } from "@thads/domain/labels";

/*
 * The confirmation of enforcement results as a PDF document (A4): the office's header and the
 * nation's name and motto, the place and the day it was issued, the title, who asked and about what,
 * the result the desk returned, the legal basis in force on that day, and how to check it. The
 * desk's answer is the content; the document says it is printed from the system and that the signed
 * and stamped original is the one with legal force. DejaVu Sans, embedded (every Vietnamese letter).
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const ITALIC = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf");

/** The place of the place-and-date line: the province's name without its office words. */
export function placeOf(provinceName: string): string {
  return provinceName.replace(/^(Cục |Thi hành án dân sự |THADS )+/i, "").replace(/^(tỉnh|thành phố) /i, "") || provinceName;
}

export function confirmationPdf(c: ResultConfirmation): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 48, bottom: 56, left: 64, right: 56 },
    info: { Title: "Giấy xác nhận kết quả thi hành án", Creator: "THADS" },
  });
  doc.registerFont("body", FONT).registerFont("bold", BOLD).registerFont("italic", ITALIC);
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const half = width / 2 - 8;
  const left = doc.page.margins.left;
  const top = doc.y;

  // Header block: the office (left), the nation's name and motto (right).
  doc.font("body").fontSize(10).text(c.province_name.toUpperCase(), left, top, { width: half, align: "center" });
  doc.font("bold").text(c.unit_name.toUpperCase(), { width: half, align: "center" });
  const leftEnd = doc.y;
  doc
    .font("bold")
    .fontSize(10)
    .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", left + half + 16, top, { width: half, align: "center" });
  doc.font("bold").text("Độc lập - Tự do - Hạnh phúc", { width: half, align: "center", underline: true });
  doc.moveDown(0.6);
  doc
    .font("italic")
    .text(`${placeOf(c.province_name)}, ngày ${c.closed_on.slice(8, 10)} tháng ${c.closed_on.slice(5, 7)} năm ${c.closed_on.slice(0, 4)}`, {
      width: half,
      align: "center",
    });
  doc.y = Math.max(doc.y, leftEnd) + 28;

  doc.font("bold").fontSize(14).text("GIẤY XÁC NHẬN KẾT QUẢ THI HÀNH ÁN", left, doc.y, { width, align: "center" });
  doc.moveDown(1.2);

  const line = (label: string, value: string) => {
    doc.font("bold").fontSize(11).text(`${label}: `, left, doc.y, { continued: true, width }).font("body").text(value, { width });
    doc.moveDown(0.3);
  };
  doc.font("body").fontSize(11).text(`${c.unit_name} xác nhận kết quả thi hành án theo yêu cầu sau:`, left, doc.y, { width });
  doc.moveDown(0.6);
  line("Người yêu cầu", c.requester_name);
  if (c.requester_id_number) line("Số CCCD / mã số doanh nghiệp", c.requester_id_number);
  if (c.requester_address) line("Địa chỉ", c.requester_address);
  line("Mã tra cứu yêu cầu", `${formatTrackingCode(c.tracking_code)}, nộp ngày ${formatDateVi(c.submitted_on)}`);
  if (c.case_reference) line("Việc thi hành án", c.case_reference);
  if (c.content) line("Nội dung đề nghị", c.content);
  doc.moveDown(0.6);
  doc.font("bold").fontSize(11).text("Kết quả thi hành án:", left, doc.y, { width });
  doc.moveDown(0.3);
  doc.font("body").fontSize(11).text(c.result_note, { width, align: "justify" });
  doc.moveDown(1.2);

  const sources = rulesFor(c.closed_on).sources.resultConfirmationWorkingDays;
  const basis = sources.map(formatSourceVi).join("; ");
  const unverified = weakestVerification(sources) !== "verified" ? " (chưa đối chiếu đầy đủ với văn bản)" : "";
  doc.font("italic").fontSize(9).text(`Căn cứ: ${basis}${unverified}.`, { width });
  doc.moveDown(0.4);
  doc.text(
    `Văn bản in từ Hệ thống thông tin thi hành án dân sự theo kết quả bộ phận một cửa đã trả ngày ${formatDateVi(c.closed_on)}. Bản có giá trị pháp lý là bản có chữ ký của Thủ trưởng và đóng dấu của cơ quan thi hành án dân sự; kết quả tra cứu được bằng mã ${formatTrackingCode(c.tracking_code)} trên trang công khai của tỉnh, thành phố.`,
    { width },
  );
  doc.end();
  return done;
}
