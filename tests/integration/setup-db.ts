import { afterAll, inject } from 'vitest';
import { closeDb, connectDb } from '../../src/lib/server/db/client';

connectDb(inject('databaseUrl'), { max: 5 });
afterAll(() => closeDb());
