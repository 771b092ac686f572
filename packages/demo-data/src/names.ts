import { pick } from "./prng.ts";

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Tạ"];
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thành", "Xuân", "Anh", "Ngọc"];
const MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Kim", "Mai", "Diệu"];
const GIVEN_M = ["Á", "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh"];
const GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Ly", "Mai", "Ngọc", "Nhung", "Oanh", "Thảo", "Trang", "Yến"];
const COMPANY_KINDS = ["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã"];
const COMPANY_WORDS = ["Thành Đạt", "Phú Gia", "Minh Long", "Hoàng Phát", "Sông Hồng", "Đại Việt", "An Khang", "Hưng Thịnh", "Tân Á", "Phương Nam", "Bắc Hà", "Kim Ngân"];
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
