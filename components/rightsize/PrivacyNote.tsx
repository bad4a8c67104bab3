/** The promise /rightsize keeps: files are read on this device only. */
import styles from "./rightsize.module.css";

export function PrivacyNote() {
  return (
    <div className={styles.privacy} data-testid="privacy-note" role="note">
      <svg className={styles.lock} aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <rect x="4" y="11" width="16" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      <div>
        <strong>Everything stays in your browser.</strong> Task definitions and utilization files are read and analysed on this
        device (in a background Web Worker); nothing is uploaded. Only the public price file of the chosen region is downloaded.
      </div>
    </div>
  );
}
