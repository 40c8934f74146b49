import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** True when any string (or key) inside a parsed body, query or params holds U+0000. */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * PostgreSQL text cannot hold U+0000 (the query fails); SQLite would store it. Refusing it at the edge
 * keeps the two dialects alike and turns a would-be 500 into a 400 the client can act on.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.params) || containsNul(req.query) || containsNul(req.body)) {
      throw new AppError(400, 'request.invalid_text', 'text must not contain NUL (U+0000) characters');
    }
  });
}
