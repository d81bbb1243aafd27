import { KnowledgePanel } from '../../knowledge/KnowledgePanel';
import type { CaseTabProps } from './tab';

/** The knowledge base beside the case: search, read, rate, propose a change, a call script from the case. */
export function KnowledgeTab({ caseView, summoned }: CaseTabProps) {
  return <KnowledgePanel caseView={caseView} summoned={summoned} />;
}
