import type { Availability } from "@/lib/catalog/summary";
import styles from "./catalog.module.css";

const LABEL: Record<Availability | "partial", string> = { published: "Published", derived: "Derived", unavailable: "Not available", partial: "Partly published" };

/** Text badge (never colour alone): Published / Derived / Partly published / Not available, with an optional prefix such as "ARM". */
export function AvailabilityBadge({ value, what }: { value: Availability | "partial"; what?: string }) {
  return <span className={`${styles.badge} ${styles[value]}`}>{what ? `${what}: ${LABEL[value].toLowerCase()}` : LABEL[value]}</span>;
}
