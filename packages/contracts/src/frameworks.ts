import { z } from 'zod';

// Request and response schemas of frameworks. Placeholder until the slice lands.
export const frameworksPlaceholder = z.object({});
