import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's wording of one purpose's message in one language; absent: the built-in text. */
@Entity({ name: 'message_template' })
export class MessageTemplateEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'message_template_pkey' })
  purpose: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'message_template_pkey' })
  language: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
