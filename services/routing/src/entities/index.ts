import { InboxEntity } from './inbox.entity.js';
import { ReferenceEntity } from './reference.entity.js';
import { StaffPrefixEntity } from './staff-prefix.entity.js';
import { StaffEntity } from './staff.entity.js';
import { TemplateEntity } from './template.entity.js';

export const ENTITIES = [ReferenceEntity, TemplateEntity, StaffEntity, StaffPrefixEntity, InboxEntity];
