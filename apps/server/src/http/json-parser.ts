import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { AppError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's body parsers with one for JSON: bytes must be valid UTF-8 (a Big5 or Latin-1 body
 * is refused, not silently turned into replacement characters) and prototype-poisoning keys are refused.
 */
export function installJsonParser(app: FastifyInstance): void {
  // JSON is the only body the API takes; Fastify's text/plain parser would hand a string to the schemas.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(String(req.headers['content-type'] ?? ''))?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
      done(new AppError(415, 'request.unsupported_charset', `send JSON as UTF-8, not ${charset}`), undefined);
      return;
    }
    const buf = body as Buffer;
    if (buf.length === 0) {
      done(null, undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(buf);
    } catch {
      done(new AppError(400, 'request.invalid_encoding', 'request body is not valid UTF-8'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (err) {
      // secure-json-parse reports a forbidden key as a SyntaxError too; only its message tells them apart.
      const msg = /forbidden prototype/.test((err as Error).message)
        ? 'request body holds a forbidden key (__proto__ or constructor.prototype)'
        : 'request body is not valid JSON';
      done(new AppError(400, 'request.malformed_json', msg), undefined);
    }
  });
}
