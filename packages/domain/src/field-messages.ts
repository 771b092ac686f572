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
  [/^không được sau ngày thụ lý\.$/, () => "Cannot be after the acceptance date."],
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
  // The forms' own messages.
  [/^chọn kê biên hoặc phong tỏa tài khoản\.$/, () => "Choose seizure or an account freeze."],
  [/^bắt buộc khi phong tỏa tài khoản\.$/, () => "Required for an account freeze."],
  [/^bắt buộc, 4–40 chữ số hoặc chữ cái\.$/, () => "Required: 4–40 digits or letters."],
  [/^chọn một (?:căn cứ|khoản|tình huống|hàng|hình thức|biện pháp|người|lý do)\.$/, () => "Choose one."],
  [/^chọn một tỉnh\.$/, () => "Choose a province."],
  [/^chọn một phòng thi hành án dân sự khu vực\.$/, () => "Choose a regional office."],
  [
    /^chọn trở ngại khách quan, sự kiện bất khả kháng hoặc tình trạng khẩn cấp\.$/,
    () => "Choose an objective obstacle, force majeure or a state of emergency.",
  ],
  [/^không được trước ngày bản án có hiệu lực\.$/, () => "Cannot be before the judgment took effect."],
  [
    /^ghi sự kiện bất khả kháng hoặc trở ngại khách quan đã làm chậm việc yêu cầu\.$/,
    () => "Record the force majeure or objective obstacle that delayed the request.",
  ],
  [/^bắt buộc chọn \(thời hiệu khiếu nại tùy loại\)\.$/, () => "Choose one (the time to complain depends on it)."],
  [/^bắt buộc nhập \(dd\/mm\/yyyy\)\.$/, () => "Required (dd/mm/yyyy)."],
  [/^bắt buộc với khiếu nại lần hai\.$/, () => "Required for a second complaint."],
  [/^bắt buộc khi đơn không thuộc thẩm quyền\.$/, () => "Required when the letter is not within competence."],
  [/^bắt buộc khi chuyển đơn\.$/, () => "Required when the letter is forwarded."],
  [/^một số từ (\d+) đến (\d+)\.$/, (m) => `A number from ${m[1]} to ${m[2]}.`],
  [/^không tính được với các ngày đã nhập\.$/, () => "It cannot be counted with the dates given."],
  [/^chọn Tòa án chuyển giao hoặc đơn yêu cầu\.$/, () => "Choose a court's transfer or a creditor's request."],
  [
    /^chọn Tòa án chuyển giao, đơn yêu cầu hoặc nhận ủy thác từ cơ quan thi hành án cấp quân khu\.$/,
    () => "Choose a court's transfer, a creditor's request or a transfer from a military-region enforcement agency.",
  ],
  [/^bắt buộc nhập khi nhận ủy thác\.$/, () => "Required for a case received by transfer."],
  [
    /^chọn tỉnh\/thành phố khác hoặc cơ quan thi hành án cấp quân khu\.$/,
    () => "Choose another province or a military-region enforcement agency.",
  ],
  [
    /^phải gửi thông báo gửi lại yêu cầu thi hành án cho Viện kiểm sát nhân dân có thẩm quyền\.$/,
    () => "The notice of the returned request must be sent to the competent People's Procuracy.",
  ],
  [/^chọn tại quầy, bưu điện, trực tuyến hoặc chuyển đến\.$/, () => "Choose desk, post, online or forwarded."],
  [/^bắt buộc khi đơn do cơ quan khác chuyển đến\.$/, () => "Required when another agency forwarded the letter."],
  [
    /^nhập số điện thoại hoặc số CCCD để người gửi theo dõi đơn\.$/,
    () => "Enter a phone number or an ID number, so the sender can follow the letter.",
  ],
  [
    /^chọn khiếu nại, tố cáo, kiến nghị hoặc không thuộc thẩm quyền\.$/,
    () => "Choose complaint, denunciation, petition or not within competence.",
  ],
  [/^chọn Chấp hành viên hoặc Thủ trưởng\.$/, () => "Choose the executor or the head."],
  [/^chọn đúng, đúng một phần, sai toàn bộ hoặc rút đơn\.$/, () => "Choose upheld, partly upheld, rejected or withdrawn."],
  [/^bắt buộc trừ khi người gửi rút đơn\.$/, () => "Required unless the sender withdrew the letter."],
  [/^ghi rõ bước nào\.$/, () => "Say which step."],
  [/^chỉ khi khiếu nại đúng hoặc đúng một phần\.$/, () => "Only when the complaint is upheld in whole or in part."],
  [/^thiếu tên tệp \(name\)\.$/, () => "The file name (name) is missing."],
  [/^tên tệp tối đa (\d+) ký tự\.$/, (m) => `A file name has at most ${m[1]} characters.`],
  [/^thiếu nội dung \(contentBase64\)\.$/, () => "The content (contentBase64) is missing."],
  [/^nội dung trống\.$/, () => "The content is empty."],
  [/^nội dung không phải base64\.$/, () => "The content is not base64."],
  [/^một danh sách\.$/, () => "Must be a list."],
  [/^chọn bật hoặc tắt\.$/, () => "Choose on or off."],
  [/^dạng ISO 8601, ví dụ (\S+)\.$/, (m) => `ISO 8601, e.g. ${m[1]}.`],
  [/^chỉ nhận giá trị 1\.$/, () => "Only the value 1."],
  [/^chọn ít nhất một quyền\.$/, () => "Choose at least one permission."],
  [/^nhập ít nhất một \(dùng để tra cứu kết quả\)\.$/, () => "Enter at least one (it is used to look up the result)."],
  [/^bắt buộc nhập mã đơn vị\.$/, () => "Enter the unit's code."],
  [/^chọn Trưởng ban, Thư ký hoặc Thành viên\.$/, () => "Choose chair, secretary or member."],
  [/^chọn Ban Chỉ đạo của tỉnh hoặc Ban Chỉ đạo chuyên đề\.$/, () => "Choose a provincial or an ad hoc steering committee."],
  [/^không đúng định dạng \(ví dụ (\S+)\)\.$/, (m) => `Not a valid address (e.g. ${m[1]}).`],
  [/^chọn tiếp nhận, không tiếp nhận hoặc đưa ra khỏi danh sách\.$/, () => "Choose accept, decline or remove from the list."],
  [/^bắt buộc nhập \(ví dụ: đã thi hành xong\)\.$/, () => "Required (e.g. fully enforced)."],
  [/^chọn đơn vị hoặc cá nhân nhận\.$/, () => "Choose the unit or person it goes to."],
  [/^việc không hợp lệ\.$/, () => "A case is not valid."],
  [/^tối đa (\d+) việc\.$/, (m) => `At most ${m[1]} cases.`],
  [/^chọn loại lực lượng\.$/, () => "Choose the kind of force."],
  [/^phải là số\.$/, () => "Must be a number."],
  [/^nhập ít nhất một lực lượng với số người\.$/, () => "Enter at least one force with its number of people."],
  [/^chọn hằng tháng hoặc hằng quý\.$/, () => "Choose monthly or quarterly."],
  [
    /^phải là số tiền nguyên tính bằng đồng \(0 để bỏ tiêu chí này\)\.$/,
    () => "Must be a whole amount in đồng (0 to drop this criterion).",
  ],
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
