import type { Services } from '../../services.js';

/** Placeholder until the slice lands. */
export class ObligationService {
  constructor(protected readonly s: Services) {}
  /** Start-up work (seeding shipped content); called once by bootstrap. */
  async bootstrap(): Promise<void> {}
}
