// Runs before every test file (vitest.config.ts setupFiles), also when files share a worker unisolated.
import { afterEach } from 'vitest';
import { removeTempDirs } from './lamd.js';

afterEach(removeTempDirs);
