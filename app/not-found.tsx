import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Page not found — ECS Cost Estimator" };

// Rendered per request like every page: the CSP script nonce comes from proxy.ts and Next can only stamp it on
// its scripts in a per-request render (a prerendered 404 would have its scripts blocked).
export default async function NotFound() {
  await connection();
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Open the estimator</Link>, the <Link href="/catalog">price catalog</Link> or{" "}
        <Link href="/rightsize">right-sizing from usage</Link>.
      </p>
    </main>
  );
}
