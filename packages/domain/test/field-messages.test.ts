import { describe, expect, it } from "vitest";
import { fieldMessageInEnglish } from "../src/field-messages.ts";

describe("field messages in English", () => {
  it("says what is wrong, without the field's Vietnamese name", () => {
    expect(fieldMessageInEnglish("Họ tên người gửi đơn: bắt buộc nhập.")).toBe("Required.");
    expect(fieldMessageInEnglish("Trích yếu: tối đa 300 ký tự.")).toBe("At most 300 characters.");
    expect(fieldMessageInEnglish("Số tiền: vượt quá mức tối đa 9.000.000.000.000.000 đồng.")).toBe(
      "Over the maximum of 9.000.000.000.000.000 đồng.",
    );
    expect(fieldMessageInEnglish("Ngày thụ lý: năm phải từ 1900 đến 2100.")).toBe("The year must be from 1900 to 2100.");
    expect(fieldMessageInEnglish("Ngày thi hành: không được sau ngày hôm nay (05/12/2026).")).toBe("Cannot be after today (05/12/2026).");
    expect(fieldMessageInEnglish("Mức độ hài lòng: chọn từ 1 đến 5.")).toBe("Choose from 1 to 5.");
  });
  it("knows the bulk filing's and the API filing's own messages", () => {
    expect(fieldMessageInEnglish("Số CCCD / mã số doanh nghiệp: chọn một số đã được liên kết với tài khoản.")).toBe(
      "Choose a number linked to the account.",
    );
    expect(fieldMessageInEnglish("Tệp danh sách: chọn một tệp .xlsx hoặc .csv.")).toBe("Choose an .xlsx or .csv file.");
    expect(fieldMessageInEnglish("Tệp danh sách: tối đa 5 MB.")).toBe("At most 5 MB.");
    expect(fieldMessageInEnglish("Bản sao bản án: tối đa 50 MB cộng lại.")).toBe("At most 50 MB together.");
    expect(fieldMessageInEnglish("Bản sao bản án: tối đa 50 tệp.")).toBe("At most 50 files.");
    expect(fieldMessageInEnglish('Bản sao bản án "ban-an.exe": chỉ nhận tệp PDF, PNG hoặc JPEG.')).toBe("Only PDF, PNG or JPEG files.");
    expect(fieldMessageInEnglish('Bản sao bản án "lon.pdf": lớn hơn 5 MB.')).toBe("Larger than 5 MB.");
  });
  it("leaves a message it does not know to the Vietnamese", () => {
    expect(fieldMessageInEnglish("Số việc thi hành án liên quan: việc 3/2026 không thuộc tỉnh này.")).toBeNull();
    expect(fieldMessageInEnglish("")).toBeNull();
  });
});
