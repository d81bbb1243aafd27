import { CalendarEntity } from './calendar.entity.js';
import { TimerEntity } from './timer.entity.js';
import { TrackedCaseEntity } from './tracked-case.entity.js';
import { WatchEntity } from './watch.entity.js';

export const ENTITIES = [TimerEntity, TrackedCaseEntity, WatchEntity, CalendarEntity];
