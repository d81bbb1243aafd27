import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity.js';
import { CustomerEntity } from './customer.entity.js';

/** A customer card linked to a case; a case has any number of customers and a customer any number of cases. */
@Entity({ name: 'case_customer' })
@Index('case_customer_customer_idx', ['customerId', 'caseId'])
export class CaseCustomerEntity {
  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'case_customer_pkey' })
  caseId: string;

  @PrimaryColumn('uuid', { name: 'customer_id', primaryKeyConstraintName: 'case_customer_pkey' })
  customerId: string;

  @Column('timestamptz', { name: 'linked_at' })
  linkedAt: Date;

  @Column('text', { name: 'linked_by' })
  linkedBy: string;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_customer_case_fkey' })
  case: Relation<CaseEntity>;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'case_customer_customer_fkey' })
  customer: Relation<CustomerEntity>;
}
