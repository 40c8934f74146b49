import type { FastifyReply } from 'fastify';

/** `__Host-` pins the cookie to this exact origin over HTTPS; plain HTTP (localhost) cannot use the prefix. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-vigil_session' : 'vigil_session';
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
