import type { JobRunView, JobView } from '@vigil/contracts';
import { AppError, conflict } from '../../http/errors.js';
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { presentRun } from './notifications.presenter.js';

const jobNotFound = (name: string) => new AppError(404, 'job.not_found', `no job named ${name}`);

/** The scheduler as an administrator sees it: jobs, their recent runs, and "run now". */
export class JobAdminService {
  constructor(private readonly s: Services) {}

  async list(): Promise<{ timeZone: string; schedulerRunning: boolean; items: JobView[] }> {
    const jobs = this.s.jobs;
    const items: JobView[] = [];
    for (const job of [...jobs.jobs].sort((a, b) => a.name.localeCompare(b.name))) {
      const [last] = await jobs.recentRuns(job.name, 1);
      items.push({
        name: job.name,
        pattern: job.pattern,
        nextRunAt: jobs.nextRun(job.name)?.toISOString() ?? null,
        lastRun: last ? presentRun(last) : null,
      });
    }
    return { timeZone: jobs.timeZone, schedulerRunning: jobs.running, items };
  }

  async runs(name: string): Promise<JobRunView[]> {
    if (!this.s.jobs.find(name)) throw jobNotFound(name);
    return (await this.s.jobs.recentRuns(name, 50)).map(presentRun);
  }

  /** Runs a job now and waits for it; refused while it runs here or in another process. */
  async runNow(ctx: RequestContext, name: string): Promise<JobRunView> {
    if (!this.s.jobs.find(name)) throw jobNotFound(name);
    const result = await this.s.jobs.runNow(name);
    if (result.status !== 'ran') throw conflict('job.already_running', `${name} is running already`);
    await this.s.db.transaction().execute(async (trx) => {
      await this.s.audit.record(trx, ctx, {
        action: 'job.run_now',
        objectType: 'job',
        objectId: name,
        outcome: result.run.outcome === 'failed' ? 'failure' : 'success',
        details: { runId: result.run.id, outcome: result.run.outcome, error: result.run.error },
      });
    });
    return presentRun(result.run);
  }
}
