import { z } from 'zod';
import { id, timeZone } from './common.js';

export const responsibilityLevel = z.enum(['A', 'B', 'C', 'D', 'E']);

export const organisationResponse = z.object({
  name: z.string(),
  responsibilityLevel: responsibilityLevel.nullable(),
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
});
export const updateOrganisationRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  responsibilityLevel: responsibilityLevel.nullable().optional(),
  timeZone: timeZone.optional(),
});

export const unitResponse = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  headUserId: z.string().nullable(),
  memberCount: z.number().int(),
});
export type UnitView = z.infer<typeof unitResponse>;
export const unitList = z.object({ items: z.array(unitResponse) });

export const createUnitRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(50).nullable().optional(),
  parentId: id.nullable().optional(),
  headUserId: id.nullable().optional(),
});
export const updateUnitRequest = createUnitRequest.partial();
