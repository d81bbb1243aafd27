import { useI18n } from '../../i18n';

/** An action's failure, announced at once. */
export function ActionError({ error }: { error: string | undefined }) {
  const { t } = useI18n();
  return error === undefined ? null : <p role="alert">{t('app.error', { message: error })}</p>;
}
