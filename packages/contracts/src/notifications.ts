import { z } from 'zod';

// Request and response schemas of notifications. Placeholder until the slice lands.
export const notificationsPlaceholder = z.object({});
