import { z } from 'zod';

export const roleResponse = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  builtin: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export type RoleView = z.infer<typeof roleResponse>;
export const roleList = z.object({ items: z.array(roleResponse) });

const roleFields = {
  nameEn: z.string().trim().min(1).max(100),
  nameZh: z.string().trim().min(1).max(100),
  descriptionEn: z.string().trim().max(500).default(''),
  descriptionZh: z.string().trim().max(500).default(''),
  permissions: z.array(z.string().max(64)).max(200),
};

export const createRoleRequest = z.strictObject({
  id: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
  ...roleFields,
});
export const updateRoleRequest = z.strictObject({
  nameEn: roleFields.nameEn.optional(),
  nameZh: roleFields.nameZh.optional(),
  descriptionEn: z.string().trim().max(500).optional(),
  descriptionZh: z.string().trim().max(500).optional(),
  permissions: roleFields.permissions.optional(),
});
export const roleIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const permissionList = z.object({
  items: z.array(z.object({ name: z.string(), en: z.string(), zh: z.string() })),
});
