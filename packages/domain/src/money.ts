/** Formats a whole number of đồng with Vietnamese grouping: 309578330000n → "309.578.330.000 ₫". */
export function formatDong(amount: bigint | number | string): string {
  const value = typeof amount === "bigint" ? amount : BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped} ₫`;
}

/** Formats an integer count with Vietnamese grouping: 736747 → "736.747". */
export function formatCount(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
