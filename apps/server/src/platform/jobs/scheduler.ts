/** A job run on a schedule (croner pattern, organisation time zone) by `vigil serve`. */
export interface JobSpec {
  name: string;
  /** Cron pattern, e.g. `0 7 * * *` (07:00 daily). */
  pattern: string;
  run(): Promise<void>;
}

/** Runs registered jobs while the server runs. Placeholder until the platform slice lands. */
export class JobScheduler {
  readonly jobs: JobSpec[] = [];
  register(job: JobSpec): void {
    this.jobs.push(job);
  }
  start(_onError: (job: string, err: unknown) => void): void {}
  stop(): void {}
}
