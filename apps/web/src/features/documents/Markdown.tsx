import { Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** Markdown rendered with marked and sanitised with DOMPurify (no scripts, handlers or foreign frames). */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => ({ __html: DOMPurify.sanitize(marked.parse(text, { async: false })) }), [text]);
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is sanitised by DOMPurify just above */}
      <div dangerouslySetInnerHTML={html} />
    </Typography>
  );
}
