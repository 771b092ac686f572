/** Lower-case ASCII form of Vietnamese text: "Nguyễn Văn Á" → "nguyen van a". */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** URL slug from a Vietnamese name: "Bà Rịa – Vũng Tàu" → "ba-ria-vung-tau". */
export function slugify(input: string): string {
  return foldVietnamese(input)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
