/** Copies .next/static, public/ and data/catalog into <root>/.next/standalone; returns the copied sources relative to root. */
export function placeStandaloneAssets(root: string): string[];
