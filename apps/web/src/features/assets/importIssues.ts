import type { ImportIssue } from '@vigil/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import en from './locales/en.json' with { type: 'json' };

type IssueKey = keyof typeof en.import.issues;

function isIssue(code: string): code is IssueKey {
  return Object.hasOwn(en.import.issues, code);
}

/** An import problem in the UI language; a code this UI does not know keeps the server's message. */
export function useImportIssueText() {
  const { t } = useTranslation();
  return useCallback(
    (issue: ImportIssue) => (isIssue(issue.code) ? t(`assets.import.issues.${issue.code}`) : issue.message),
    [t],
  );
}

/** Whether the server's message adds something (a value, another asset's code) beyond the translated text. */
export function showsDetail(issue: ImportIssue): boolean {
  return isIssue(issue.code) && issue.message.trim() !== '';
}
