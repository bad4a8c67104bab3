/** The header of the pages beside the estimator (/compare, /rightsize, /actual): title, one-line lead, links back. */
import Link from "next/link";

export function SiteHeader({ title, lead }: { title: string; lead: string }) {
  return (
    <header className="site-header">
      <div className="inner">
        <div>
          <h1>{title}</h1>
          <p>{lead}</p>
        </div>
        <nav aria-label="Site">
          <Link href="/">Estimator</Link>
          <Link href="/actual">Estimate vs bill</Link>
          <Link href="/catalog">Price catalog</Link>
        </nav>
      </div>
    </header>
  );
}
