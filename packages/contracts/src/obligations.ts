import { z } from 'zod';

// Request and response schemas of obligations. Placeholder until the slice lands.
export const obligationsPlaceholder = z.object({});
