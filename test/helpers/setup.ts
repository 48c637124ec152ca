// Runs before every test file (vitest.config.ts setupFiles), also when files share a worker unisolated.
import { afterAll, afterEach } from 'vitest';
import { removeFileTempDirs, removeTempDirs } from './lamd.js';

afterEach(removeTempDirs);
afterAll(removeFileTempDirs);
