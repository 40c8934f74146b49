import { List } from '@mantine/core';
import { isApiError } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

function problemsOf(error: unknown): string[] {
  if (!isApiError(error, 'risk.methodology_invalid')) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const { problems } = details;
  return Array.isArray(problems) ? problems.map(String) : [];
}

/** A failed save or approval, with each problem the server found in the methodology listed. */
export function MethodologyErrors({ error }: { error: unknown }) {
  const problems = problemsOf(error);
  return (
    <>
      <ErrorAlert error={error} />
      {problems.length > 0 ? (
        <List size="sm" c="red.9" aria-live="polite">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
