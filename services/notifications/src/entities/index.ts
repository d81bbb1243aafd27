import { MessageEntity } from './message.entity.js';
import { SuppressionEntity } from './suppression.entity.js';

export const ENTITIES = [MessageEntity, SuppressionEntity];
