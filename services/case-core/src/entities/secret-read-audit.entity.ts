import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One read of a secret case by someone allowed to read it: who, when, which case, what, from where. */
@Entity({ name: 'secret_read_audit' })
@Index('secret_read_audit_case_idx', ['caseNumber', 'id'])
@Index('secret_read_audit_actor_idx', ['actorId', 'id'])
export class SecretReadAuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'secret_read_audit_pkey' })
  id: string;

  @Column('text', { name: 'actor_id' })
  actorId: string;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName: string | null;

  @Column('timestamptz', { name: 'read_at' })
  readAt: Date;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text', { name: 'case_number' })
  caseNumber: string;

  @Column('text')
  action: string;

  @Column('text', { name: 'origin_ip', nullable: true })
  originIp: string | null;

  @Column('text', { name: 'origin_user_agent', nullable: true })
  originUserAgent: string | null;
}
