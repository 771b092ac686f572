/**
 * Field messages in English. Every validation message is written in Vietnamese first, naming the
 * field: "Họ tên người gửi đơn: bắt buộc nhập.". Shown beside its field (whose label the page
 * already gives in the reader's language), the English reader gets what is wrong in English:
 * "Required.". The messages the shared field parsers and the forms use are listed here; one that is
 * not stays in Vietnamese.
 */
type Rule = readonly [RegExp, (m: RegExpMatchArray) => string];

const RULES: readonly Rule[] = [
  [/^bắt buộc nhập\.$/, () => "Required."],
  [/^bắt buộc chọn\.$/, () => "Choose one."],
  [/^bắt buộc khi bán thành\.$/, () => "Required when the sale went through."],
  [/^mã không hợp lệ\.$/, () => "Not a valid reference."],
  [/^không hợp lệ\.$/, () => "Not valid."],
  [/^lựa chọn không hợp lệ\.$/, () => "Not a valid choice."],
  [/^không tìm thấy\.$/, () => "Not found."],
  [/^không tìm thấy đơn có mã (?:theo dõi )?này\.$/, () => "No letter has this tracking code."],
  [/^không thể liên kết đơn với chính nó\.$/, () => "A letter cannot be linked to itself."],
  [/^đơn đó là bản trùng của chính đơn này\.$/, () => "That letter is a duplicate of this one."],
  [
    /^đơn này là đơn gốc của (\d+) đơn trùng, không thể đánh dấu là đơn trùng\.$/,
    (m) => `This letter is the original of ${m[1]} duplicates; it cannot be marked a duplicate.`,
  ],
  [/^tải lại trang\.$/, () => "Reload the page."],
  [/^tải lại biểu mẫu\.$/, () => "Reload the form."],
  [/^tối đa (\d[\d.]*) ký tự\.$/, (m) => `At most ${m[1]} characters.`],
  [/^ít nhất (\d[\d.]*) ký tự\.$/, (m) => `At least ${m[1]} characters.`],
  [/^tối đa (\d[\d.]*)\.$/, (m) => `At most ${m[1]}.`],
  [/^ít nhất (\d[\d.]*)\.$/, (m) => `At least ${m[1]}.`],
  [/^phải là số nguyên\.$/, () => "Must be a whole number."],
  [/^chọn từ (\d+) đến (\d+)\.$/, (m) => `Choose from ${m[1]} to ${m[2]}.`],
  [/^chọn một đơn vị\.$/, () => "Choose a unit."],
  [/^chọn một loại\.$/, () => "Choose a kind."],
  [/^chọn một kết quả\.$/, () => "Choose an outcome."],
  [/^chọn một thủ tục\.$/, () => "Choose a procedure."],
  [/^chọn một tỉnh, thành phố\.$/, () => "Choose a province or city."],
  [/^chọn một mục trong danh sách\.$/, () => "Choose an item from the list."],
  [/^chọn cá nhân hoặc tổ chức\.$/, () => "Choose a person or an organisation."],
  [/^chọn chủ động hoặc theo yêu cầu\.$/, () => "Choose ex officio or on request."],
  [/^6–30 chữ số hoặc chữ cái\.$/, () => "6–30 digits or letters."],
  [/^chỉ gồm chữ số \(ví dụ (.+)\)\.$/, (m) => `Digits only (e.g. ${m[1]}).`],
  [/^định dạng không hợp lệ \(ví dụ ten@mien\.vn\)\.$/, () => "Not a valid address (e.g. name@domain.vn)."],
  [/^ngày bắt đầu phải trước hoặc bằng ngày kết thúc\.$/, () => "The start date must be on or before the end date."],
  [/^không được trước ngày bản án\.$/, () => "Cannot be before the judgment's date."],
  [/^không được sau ngày hôm nay \((.+)\)\.$/, (m) => `Cannot be after today (${m[1]}).`],
  [/^không được trước ngày thụ lý việc thi hành án \((.+)\)\.$/, (m) => `Cannot be before the case's acceptance date (${m[1]}).`],
  [/^ngày không hợp lệ\.$/, () => "Not a valid date."],
  [/^chứa ký tự điều khiển không hợp lệ/, () => "Contains control characters (such as NUL), which are not allowed."],
  [/^không được chứa mã HTML hoặc mã lệnh/, () => 'Must not contain HTML or script code (such as "<" or "javascript:").'],
  [/^phải là số tiền nguyên dương tính bằng đồng/, () => "Must be a whole positive amount in đồng (e.g. 12.500.000)."],
  [/^vượt quá mức tối đa ([\d.]+) đồng\.$/, (m) => `Over the maximum of ${m[1]} đồng.`],
  [/^năm phải từ (\d+) đến (\d+)\.$/, (m) => `The year must be from ${m[1]} to ${m[2]}.`],
  [/^ngày không hợp lệ, nhập theo dạng dd\/mm\/yyyy/, () => "Not a valid date: type it as dd/mm/yyyy (e.g. 05/11/2026)."],
  [/^chọn một số đã được liên kết với tài khoản\.$/, () => "Choose a number linked to the account."],
  [/^phải là số đã được liên kết với tài khoản\.$/, () => "Must be a number linked to the account."],
  [/^chọn một tệp \.xlsx hoặc \.csv\.$/, () => "Choose an .xlsx or .csv file."],
  [/^chỉ nhận tệp \.xlsx hoặc \.csv\.$/, () => "Only .xlsx or .csv files."],
  [/^chỉ nhận tệp PDF, PNG hoặc JPEG\.$/, () => "Only PDF, PNG or JPEG files."],
  [/^chọn ít nhất một tệp\.$/, () => "Choose at least one file."],
  [/^tối đa (\d+) tệp\.$/, (m) => `At most ${m[1]} files.`],
  [/^tối đa (\d+) MB\.$/, (m) => `At most ${m[1]} MB.`],
  [/^tối đa (\d+) MB cộng lại\.$/, (m) => `At most ${m[1]} MB together.`],
  [/^lớn hơn (\d+) MB\.$/, (m) => `Larger than ${m[1]} MB.`],
  [/^phải là ngày hợp lệ dạng YYYY-MM-DD, năm từ (\d+) đến (\d+)\.$/, (m) => `Must be a valid YYYY-MM-DD date, year ${m[1]} to ${m[2]}.`],
];

/** What is wrong, in English, of a Vietnamese field message ("<field>: <what>"); null when it is not one we know. */
export function fieldMessageInEnglish(message: string): string | null {
  const at = message.indexOf(": ");
  const what = (at >= 0 ? message.slice(at + 2) : message).trim();
  for (const [pattern, english] of RULES) {
    const m = what.match(pattern);
    if (m) return english(m);
  }
  return null;
}
