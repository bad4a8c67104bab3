import type { CatalogSource } from "@/lib/catalog/schema";
import styles from "./catalog.module.css";

/** Every source the snapshot's rates refer to: name, as-of date, origin (repository + path + commit), licence. */
export function SourcesList({ sources }: { sources: (CatalogSource & { regions: number })[] }) {
  return (
    <ol className={styles.sources} data-testid="catalog-sources">
      {sources.map((s) => (
        <li key={s.id}>
          <strong>{s.name}</strong> — as of <time dateTime={s.asOf}>{s.asOf}</time>
          {s.licence ? `, ${s.licence}` : ""}, used in {s.regions} {s.regions === 1 ? "region" : "regions"}.
          <br />
          <span className={styles.small}>
            id <code>{s.id}</code>; origin: <code>{s.origin}</code>
          </span>
        </li>
      ))}
    </ol>
  );
}
