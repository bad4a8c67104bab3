"use client";
/** The banner above the estimator after opening a share link or importing a file. */
import type { EstimateInput, FieldError } from "@/lib/schemas/estimate";
import { Banner, FieldErrorList } from "@/components/ui/fields";

export type Notice =
  | { kind: "link-error"; problem: string; errors: FieldError[] }
  | { kind: "link-catalog"; input: EstimateInput; requested: string }
  | { kind: "region-missing"; region: string; source: string }
  | { kind: "import-error"; errors: FieldError[] }
  | { kind: "import-ok"; what: string }
  | { kind: "link-ok" };

export function EstimateNotice({ notice, newest, onClose, onUseNewest }: { notice: Notice; newest: string; onClose: () => void; onUseNewest: (input: EstimateInput) => void }) {
  const close = (
    <button type="button" className="btn" onClick={onClose}>
      Dismiss
    </button>
  );
  switch (notice.kind) {
    case "link-error":
      return (
        <Banner tone="error" testId="banner-link" title="This share link could not be opened; showing the default estimate instead." actions={close}>
          <p>{notice.problem}</p>
          {notice.errors.length > 0 ? <FieldErrorList errors={notice.errors} max={12} /> : null}
        </Banner>
      );
    case "link-catalog":
      return (
        <Banner
          tone="warn"
          testId="banner-catalog"
          title={`This estimate uses price catalog ${notice.requested}, which this app does not bundle; showing the default estimate.`}
          actions={
            <>
              <button type="button" className="btn btn-primary" onClick={() => onUseNewest(notice.input)} data-testid="use-newest-catalog">
                Open it with the newest catalog ({newest})
              </button>
              {close}
            </>
          }
        >
          <p>Prices in the newest catalog may differ from the ones the link was made with.</p>
        </Banner>
      );
    case "region-missing":
      return (
        <Banner tone="error" testId="banner-link" title={`${notice.source} asks for region ${notice.region}, which the price catalog does not cover; showing the default estimate.`} actions={close} />
      );
    case "import-error":
      return (
        <Banner tone="error" testId="banner-import" title="That file could not be imported; the form was left as it was." actions={close}>
          <FieldErrorList errors={notice.errors} max={20} />
        </Banner>
      );
    case "import-ok":
      return <Banner tone="info" testId="banner-import-ok" title={`Imported the ${notice.what}.`} actions={close} />;
    case "link-ok":
      return null;
  }
}
