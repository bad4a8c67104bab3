import type { Metadata } from "next";
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
        There is nothing at this address. <a href="/">Open the estimator</a>, the <a href="/catalog">price catalog</a> or{" "}
        <a href="/rightsize">right-sizing from usage</a>.
      </p>
    </main>
  );
}
