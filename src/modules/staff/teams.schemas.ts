// Form input of the team admin pages.
import { z } from 'zod';

export const teamSchema = z.object({ name: z.string().trim().min(1).max(120) });
export const memberSchema = z.object({
  userId: z.string().trim().min(1, { error: 'staff:teams.userRequired' }).max(40),
  isLead: z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean()),
});
