import { pick } from "./prng.ts";

const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đinh",
  "Trương",
  "Mai",
  "Tạ",
];
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thành", "Xuân", "Anh", "Ngọc"];
const MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Kim", "Mai", "Diệu"];
const GIVEN_M = [
  "Á",
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Đạt",
  "Hải",
  "Hùng",
  "Khánh",
  "Long",
  "Nam",
  "Phong",
  "Quân",
  "Sơn",
  "Thắng",
  "Tuấn",
  "Việt",
  "Vinh",
];
const GIVEN_F = [
  "Anh",
  "Chi",
  "Dung",
  "Giang",
  "Hà",
  "Hạnh",
  "Hoa",
  "Hương",
  "Lan",
  "Linh",
  "Ly",
  "Mai",
  "Ngọc",
  "Nhung",
  "Oanh",
  "Thảo",
  "Trang",
  "Yến",
];
const COMPANY_KINDS = ["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã"];
const COMPANY_WORDS = [
  "Thành Đạt",
  "Phú Gia",
  "Minh Long",
  "Hoàng Phát",
  "Sông Hồng",
  "Đại Việt",
  "An Khang",
  "Hưng Thịnh",
  "Tân Á",
  "Phương Nam",
  "Bắc Hà",
  "Kim Ngân",
];
const COMPANY_TRADES = ["Xây dựng", "Thương mại", "Đầu tư", "Vận tải", "Bất động sản", "Thủy sản", "Dệt may", "Xuất nhập khẩu"];
export const BANKS = [
  "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
  "Ngân hàng TMCP Ngoại thương Việt Nam",
  "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
  "Ngân hàng TMCP Công Thương Việt Nam",
  "Ngân hàng TMCP Sài Gòn Thương Tín",
  "Ngân hàng TMCP Á Châu",
  "Ngân hàng TMCP Quân đội",
  "Ngân hàng TMCP Việt Nam Thịnh Vượng",
];

export function personName(r: () => number): string {
  const female = r() < 0.45;
  return `${pick(r, SURNAMES)} ${pick(r, female ? MIDDLE_F : MIDDLE_M)} ${pick(r, female ? GIVEN_F : GIVEN_M)}`;
}

export function companyName(r: () => number): string {
  return `${pick(r, COMPANY_KINDS)} ${pick(r, COMPANY_TRADES)} ${pick(r, COMPANY_WORDS)}`;
}

/** Common ward and commune names (phường/xã) found in many provinces. */
export const WARDS = [
  "Tân Phong",
  "An Bình",
  "Hòa Bình",
  "Tân Tiến",
  "Quang Trung",
  "Lê Lợi",
  "Trần Phú",
  "Hùng Vương",
  "Hồng Hà",
  "Minh Khai",
  "Tân An",
  "Phú Hòa",
  "Đông Hải",
  "Thành Công",
  "Nam Sơn",
  "Bình Minh",
  "Vĩnh Phúc",
  "Tân Lập",
];
const STREETS = [
  "Trần Hưng Đạo",
  "Lê Lợi",
  "Nguyễn Trãi",
  "Hai Bà Trưng",
  "Lý Thường Kiệt",
  "Quang Trung",
  "Hùng Vương",
  "Điện Biên Phủ",
  "Lạch Tray",
  "Nguyễn Văn Cừ",
  "Lê Duẩn",
  "Trường Chinh",
  "Nguyễn Huệ",
  "Phan Chu Trinh",
];

/** A post-2025 two-level address: house, street, ward/commune, province. */
export function address(r: () => number, province: string, city: boolean): string {
  const ward = `${r() < 0.6 ? "phường" : "xã"} ${pick(r, WARDS)}`;
  const where = `${ward}, ${city ? "thành phố" : "tỉnh"} ${province}`;
  const n = 1 + Math.floor(r() * 300);
  if (r() < 0.35) return `Số ${n}, ngõ ${1 + Math.floor(r() * 200)} đường ${pick(r, STREETS)}, ${where}`;
  if (r() < 0.6) return `Số ${n} đường ${pick(r, STREETS)}, ${where}`;
  return `Thôn ${1 + Math.floor(r() * 12)}, ${where}`;
}

/** Province codes of the 12-digit citizen ID (căn cước công dân): the first three digits. */
const ID_PROVINCE_CODES = [
  "001",
  "002",
  "004",
  "006",
  "008",
  "010",
  "011",
  "012",
  "014",
  "015",
  "017",
  "019",
  "020",
  "022",
  "024",
  "025",
  "026",
  "027",
  "030",
  "031",
  "033",
  "034",
  "035",
  "036",
  "037",
  "038",
  "040",
  "042",
  "044",
  "045",
  "046",
  "048",
  "049",
  "051",
  "052",
  "054",
  "056",
  "058",
  "060",
  "062",
  "064",
  "066",
  "067",
  "068",
  "070",
  "072",
  "074",
  "075",
  "077",
  "079",
  "080",
  "082",
  "083",
  "084",
  "086",
  "087",
  "089",
  "091",
  "092",
  "093",
  "094",
  "095",
  "096",
];

/** A 12-digit citizen ID: province of birth, century and sex, year of birth, six digits. */
export function citizenId(r: () => number): string {
  const born = 1950 + Math.floor(r() * 55);
  const female = r() < 0.45 ? 1 : 0;
  const centurySex = (born >= 2000 ? 2 : 0) + female;
  return `${pick(r, ID_PROVINCE_CODES)}${centurySex}${String(born % 100).padStart(2, "0")}${String(Math.floor(r() * 1_000_000)).padStart(6, "0")}`;
}

/** A 10-digit enterprise (tax) code. */
export function taxCode(r: () => number): string {
  return `0${String(100_000_000 + Math.floor(r() * 900_000_000))}`;
}

/** A mobile phone number. */
export function phone(r: () => number): string {
  return `0${pick(r, ["90", "91", "93", "94", "96", "97", "98", "86", "88", "38", "39", "35"])}${String(Math.floor(r() * 10_000_000)).padStart(7, "0")}`;
}
