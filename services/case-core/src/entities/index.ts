import { CaseEntity } from './case.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { EntryEntity } from './entry.entity.js';
import { FavouriteEntity } from './favourite.entity.js';

export const ENTITIES = [CaseEntity, CaseEventEntity, FavouriteEntity, EntryEntity];
export { CaseEntity, CaseEventEntity, FavouriteEntity, EntryEntity };
