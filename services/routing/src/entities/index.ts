import { InboxEntity } from './inbox.entity.js';
import { ReferenceEntity } from './reference.entity.js';
import { TemplateEntity } from './template.entity.js';

export const ENTITIES = [ReferenceEntity, TemplateEntity, InboxEntity];
