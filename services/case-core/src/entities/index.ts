import { CaseEntity } from './case.entity.js';
import { CaseEventEntity } from './case-event.entity.js';

export const ENTITIES = [CaseEntity, CaseEventEntity];
export { CaseEntity, CaseEventEntity };
