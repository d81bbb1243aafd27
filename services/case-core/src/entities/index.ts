import { CaseEntity } from './case.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { EntryEntity } from './entry.entity.js';

export const ENTITIES = [CaseEntity, CaseEventEntity, EntryEntity];
export { CaseEntity, CaseEventEntity, EntryEntity };
