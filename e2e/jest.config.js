import { jestConfig } from '../jest.preset.js';

// Two spec files at a time, each with a platform of its own (database, NATS prefix, ports): several specs spend
// most of their time waiting for follow-up timers, so a second worker keeps the other core busy meanwhile.
export default jestConfig(import.meta.dirname, { testTimeout: 60_000, maxWorkers: 2 });
