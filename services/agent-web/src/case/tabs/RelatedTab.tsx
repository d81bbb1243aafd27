import type { CaseRelations, RelatedCase } from '@arende/contracts';
import { Link } from '../../Link';
import { useI18n } from '../../i18n';
import { hrefOf } from '../../router';
import type { CaseTabProps } from './tab';
import { useLoaded } from './use-loaded';

function CaseLink({ related }: { related: RelatedCase }) {
  const { t } = useI18n();
  return (
    <li>
      <Link href={hrefOf({ page: 'case', number: related.number })}>
        {related.number} {related.title}
      </Link>{' '}
      <span className="related-status">({t(`status.${related.status}`)})</span>
    </li>
  );
}

/** The case's master (huvudärende) and children (delärenden), each a link to its case card. */
export function RelatedTab({ caseView }: CaseTabProps) {
  const { t } = useI18n();
  const relations = useLoaded<CaseRelations>(
    `/api/v1/cases/${encodeURIComponent(caseView.number)}/relations`,
    caseView,
  );
  if (relations.error !== undefined) return <p role="alert">{t('app.error', { message: relations.error })}</p>;
  if (relations.data === undefined) return <p>{t('app.loading')}</p>;
  const { master, children } = relations.data;
  if (master === null && children.length === 0) return <p>{t('tabs.related.none')}</p>;
  return (
    <div className="related-tab">
      {master !== null && (
        <>
          <h3>{t('tabs.related.master')}</h3>
          <ul>
            <CaseLink related={master} />
          </ul>
        </>
      )}
      {children.length > 0 && (
        <>
          <h3>{t('tabs.related.children', { count: children.length })}</h3>
          <ul>
            {children.map((child) => (
              <CaseLink key={child.number} related={child} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
