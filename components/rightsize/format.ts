/** Display of sizes and file sizes on /rightsize (money is formatted by lib/format). */
export const fmtSize = (n: number) => String(Math.round(n * 1000) / 1000);
export const fmtMB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
export const intFmt = new Intl.NumberFormat("en-US");
