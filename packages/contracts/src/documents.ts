import { z } from 'zod';

// Request and response schemas of documents. Placeholder until the slice lands.
export const documentsPlaceholder = z.object({});
