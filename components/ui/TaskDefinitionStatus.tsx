/** What happened to an imported task definition: its warnings, or every problem with its field path. */
import type { TaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import { FieldErrorList } from "./fields";

export function TaskDefinitionStatus({ message, testIdPrefix = "taskdef" }: { message: TaskDefinitionImport; testIdPrefix?: string }) {
  if (message.ok) {
    return (
      <div className="banner banner-info small" role="status" style={{ marginBottom: 0 }} data-testid={`${testIdPrefix}-status`}>
        <p>
          Imported the task definition <strong>{message.fileName}</strong>.
        </p>
        {message.warnings.length > 0 ? (
          <ul>
            {message.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div className="banner banner-error small" role="alert" style={{ marginBottom: 0 }} data-testid={`${testIdPrefix}-error`}>
      <p>
        <strong>{message.fileName}</strong> is not a task definition this tool can read; the form was left unchanged.
      </p>
      <FieldErrorList errors={message.errors} />
    </div>
  );
}
