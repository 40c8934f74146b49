import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DB, JobRunRow } from '@vigil/db';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { JobRunsRepository } from './job-runs.repository.js';

/** A job run on a schedule (croner pattern, organisation time zone) by `vigil serve`. */
export interface JobSpec {
  name: string;
  /** Cron pattern, e.g. `0 7 * * *` (07:00 daily). */
  pattern: string;
  run(): Promise<void>;
}

/** What asking for a run produced: a recorded run, or why none started. */
export type JobRunResult =
  | { status: 'ran'; run: JobRunRow }
  | { status: 'busy' } // running here or in another process
  | { status: 'done' }; // this due time already ran (in another process)

export interface SchedulerOptions {
  db: Kysely<DB>;
  clock: Clock;
  /** Identifies this process in leases and runs. */
  holder?: string;
  /** How long a lease lasts before another process may take over; renewed while the job runs. */
  leaseMs?: number;
  /** How long run records are kept. */
  keepRunsDays?: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Taipei';
const TZ_CHECK_MS = 5 * 60_000;

/** The latest due time of `pattern` at or before `at`, in `timeZone`. */
export function dueTimeAt(pattern: string, timeZone: string, at: Date): Date | null {
  const cron = new Cron(pattern, { timezone: timeZone, paused: true });
  return cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}

/**
 * Runs registered jobs while the server runs. Each job fires on its croner pattern in the organisation's
 * time zone. A run happens only under the job's lease row, so with several processes on one PostgreSQL
 * one of them runs it, once per due time; runs never overlap, and every run is recorded in `job_runs`.
 * Nothing fires until `start` is called (tests call `runDue` / `runNow` directly).
 */
export class JobScheduler {
  readonly jobs: JobSpec[] = [];
  readonly holder: string;
  private readonly repo: JobRunsRepository;
  private readonly leaseMs: number;
  private readonly keepRunsMs: number;
  private readonly crons = new Map<string, Cron>();
  private readonly inProcess = new Set<string>();
  private tzTimer: NodeJS.Timeout | null = null;
  private onError: (job: string, err: unknown) => void = () => {};
  private started = false;
  private zone = DEFAULT_TIME_ZONE;

  constructor(private readonly opts: SchedulerOptions) {
    this.repo = new JobRunsRepository(opts.db);
    this.holder = opts.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
    this.keepRunsMs = (opts.keepRunsDays ?? 14) * 86_400_000;
  }

  register(job: JobSpec): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`job ${job.name} is registered twice`);
    new Cron(job.pattern, { paused: true }); // throws on a malformed pattern, at start-up
    this.jobs.push(job);
    if (this.started) this.schedule(job);
  }

  get running(): boolean {
    return this.started;
  }

  /** The time zone schedules are read in (the organisation's, once started). */
  get timeZone(): string {
    return this.zone;
  }

  start(onError: (job: string, err: unknown) => void): void {
    if (this.started) return;
    this.started = true;
    this.onError = onError;
    void this.applyTimeZone().catch((err: unknown) => onError('scheduler', err));
    this.tzTimer = setInterval(() => {
      void this.applyTimeZone().catch((err: unknown) => onError('scheduler', err));
    }, TZ_CHECK_MS);
    this.tzTimer.unref();
  }

  stop(): void {
    this.started = false;
    if (this.tzTimer) clearInterval(this.tzTimer);
    this.tzTimer = null;
    for (const cron of this.crons.values()) cron.stop();
    this.crons.clear();
  }

  /** Reads the organisation's time zone and reschedules every job when it changed (or on first start). */
  async applyTimeZone(): Promise<void> {
    const zone = (await this.repo.organisationTimeZone()) ?? DEFAULT_TIME_ZONE;
    if (zone === this.zone && this.crons.size === this.jobs.length) return;
    this.zone = zone;
    if (!this.started) return;
    for (const cron of this.crons.values()) cron.stop();
    this.crons.clear();
    for (const job of this.jobs) this.schedule(job);
  }

  nextRun(name: string): Date | null {
    const job = this.find(name);
    if (!job) return null;
    return new Cron(job.pattern, { timezone: this.zone, paused: true }).nextRun(this.opts.clock.now());
  }

  find(name: string): JobSpec | undefined {
    return this.jobs.find((j) => j.name === name);
  }

  /** Runs a job for one due time; a due time that already ran (here or elsewhere) does not run again. */
  async runDue(name: string, due: Date): Promise<JobRunResult> {
    return this.execute(this.require(name), due, true);
  }

  /** Runs a job now, outside its schedule (admin "run now", tests); still never alongside itself. */
  async runNow(name: string): Promise<JobRunResult> {
    return this.execute(this.require(name), this.opts.clock.now(), false);
  }

  async recentRuns(name: string, limit = 50): Promise<JobRunRow[]> {
    return this.repo.latest(name, limit);
  }

  private require(name: string): JobSpec {
    const job = this.find(name);
    if (!job) throw new Error(`no job named ${name}`);
    return job;
  }

  private schedule(job: JobSpec): void {
    const cron = new Cron(job.pattern, { timezone: this.zone, protect: true, unref: true }, async () => {
      const now = this.opts.clock.now();
      const due = dueTimeAt(job.pattern, this.zone, now) ?? now;
      try {
        const result = await this.execute(job, due, true);
        if (result.status === 'ran' && result.run.outcome === 'failed')
          this.onError(job.name, new Error(result.run.error ?? 'failed'));
      } catch (err) {
        this.onError(job.name, err);
      }
    });
    this.crons.set(job.name, cron);
  }

  private async execute(job: JobSpec, dueAt: Date, scheduled: boolean): Promise<JobRunResult> {
    if (this.inProcess.has(job.name)) return { status: 'busy' };
    this.inProcess.add(job.name);
    try {
      const due = dueAt.toISOString();
      const clock = this.opts.clock;
      const now = clock.now();
      const until = new Date(now.getTime() + this.leaseMs).toISOString();
      const won = await this.repo.acquire(
        job.name,
        this.holder,
        now.toISOString(),
        until,
        scheduled ? due : null,
      );
      if (!won) {
        const lease = await this.repo.lease(job.name);
        return scheduled && lease?.last_due_at && Date.parse(lease.last_due_at) >= dueAt.getTime()
          ? { status: 'done' }
          : { status: 'busy' };
      }
      await this.repo.abandonStale(job.name, this.holder, now.toISOString());
      const id = randomUUID();
      await this.repo.start({ id, name: job.name, due, now: now.toISOString(), holder: this.holder });
      // A long run keeps its lease; a crashed process stops renewing and another may take over.
      const heartbeat = setInterval(
        () => {
          const next = new Date(clock.now().getTime() + this.leaseMs).toISOString();
          void this.repo.extend(job.name, this.holder, next).catch(() => {});
        },
        Math.max(1000, Math.floor(this.leaseMs / 3)),
      );
      heartbeat.unref();
      let error: string | null = null;
      try {
        await job.run();
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).slice(0, 2000) || 'failed';
      } finally {
        clearInterval(heartbeat);
      }
      const end = clock.now();
      const run = await this.repo.finish(id, end.toISOString(), error);
      await this.repo.release(job.name, this.holder, end.toISOString(), scheduled ? due : null);
      await this.repo.prune(job.name, new Date(end.getTime() - this.keepRunsMs).toISOString());
      return { status: 'ran', run };
    } finally {
      this.inProcess.delete(job.name);
    }
  }
}
