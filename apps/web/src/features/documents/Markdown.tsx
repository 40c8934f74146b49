import { Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

// A policy is text: no inline styles (overlaying fake UI), forms or inputs (phishing for passwords inside
// Vigil), and no media that would fetch from elsewhere.
const PURIFY: Parameters<typeof DOMPurify.sanitize>[1] = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'video',
    'audio',
  ],
  FORBID_ATTR: ['style', 'srcset', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

/** Markdown rendered with marked and sanitised with DOMPurify (no scripts, handlers, styles, forms or frames). */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(
    () => ({ __html: DOMPurify.sanitize(marked.parse(text, { async: false }), PURIFY) }),
    [text],
  );
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is sanitised by DOMPurify just above */}
      <div dangerouslySetInnerHTML={html} />
    </Typography>
  );
}
