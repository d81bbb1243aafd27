import { MessageEntity } from './message.entity.js';
import { MessageTemplateEntity } from './message-template.entity.js';
import { SignatureEntity } from './signature.entity.js';
import { SuppressionEntity } from './suppression.entity.js';

export const ENTITIES = [MessageEntity, SuppressionEntity, MessageTemplateEntity, SignatureEntity];
