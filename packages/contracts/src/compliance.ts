import { z } from 'zod';

// Request and response schemas of compliance. Placeholder until the slice lands.
export const compliancePlaceholder = z.object({});
