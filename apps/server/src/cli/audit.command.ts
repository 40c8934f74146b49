import type { Config } from '../config.js';
import { cliActor, EXIT, withPlatform } from './util.js';

export async function auditVerify(config: Config, values: Record<string, unknown>): Promise<number> {
  return withPlatform(config, async (s) => {
    const result = await s.audit.verify();
    await s.audit.recordAlone(cliActor(), {
      action: 'audit.verified',
      outcome: result.ok ? 'success' : 'failure',
      objectType: 'audit_trail',
      details: { checked: result.checked, problem: result.problem },
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else if (result.ok)
      console.log(
        `audit trail intact: ${result.checked} entries, head #${result.headSeq} ${result.headHash}`,
      );
    else
      console.log(
        `AUDIT TRAIL TAMPERED: ${result.problem?.message} (first bad entry #${result.problem?.seq}, kind ${result.problem?.kind}; ${result.checked} entries verified before it)`,
      );
    return result.ok ? EXIT.ok : EXIT.failed;
  });
}
