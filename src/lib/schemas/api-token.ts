import { z } from 'zod';
import { requiredText } from './fields';

export const createApiTokenSchema = z.object({ name: requiredText(80) });
export const revokeApiTokenSchema = z.object({ tokenId: z.uuid() });
