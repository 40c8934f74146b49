import type { ApiTokenView } from '@vigil/contracts';
import type { ApiTokenRow } from '@vigil/db';

export function presentToken(t: ApiTokenRow): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.token_prefix,
    permissions: JSON.parse(t.permissions) as string[],
    expiresAt: t.expires_at,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    lastUsedIp: t.last_used_ip,
    revokedAt: t.revoked_at,
  };
}
