/** A failure the client can act on; `code` is stable and translated by the UI. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = () =>
  new AppError(403, 'auth.forbidden', 'you do not have permission for this action');
export const unauthenticated = () => new AppError(401, 'auth.unauthenticated', 'sign in first');
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
