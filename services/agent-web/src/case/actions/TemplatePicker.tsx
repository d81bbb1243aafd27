import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { type MessageTemplateView, fillBody, fillSubject } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export interface FilledTemplate {
  subject: string;
  body: string;
}

const keyOf = (template: MessageTemplateView) => `${template.purpose}/${template.language}`;

/**
 * "Start from a template": the message templates (`GET /api/v1/message-templates`), filled with the case's values
 * the way notifications fills them when it sends; choosing one hands the filled text to the form.
 */
export function TemplatePicker({
  values,
  onPick,
}: {
  values: Record<string, string>;
  onPick: (filled: FilledTemplate) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [templates, setTemplates] = useState<MessageTemplateView[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<{ items: MessageTemplateView[] }>('/api/v1/message-templates', abort.signal)
      .then((page) => setTemplates(page.items))
      // Without templates the agent writes the text from scratch.
      .catch(() => undefined);
    return () => abort.abort();
  }, [api]);

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    setChosen(event.target.value);
    const template = templates.find((item) => keyOf(item) === event.target.value);
    if (template !== undefined) {
      onPick({ subject: fillSubject(template.subject, values), body: fillBody(template.body, values) });
    }
  };

  if (templates.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={`${id}-template`}>{t('template.label')}</label>
      <select id={`${id}-template`} value={chosen} onChange={onChange} aria-describedby={`${id}-filled`}>
        <option value="">{t('template.none')}</option>
        {templates.map((template) => (
          <option key={keyOf(template)} value={keyOf(template)}>
            {`${t(`template.purpose.${template.purpose}`)} (${template.language}${template.builtIn ? `, ${t('template.builtIn')}` : ''})`}
          </option>
        ))}
      </select>
      <p id={`${id}-filled`} className="hint" aria-live="polite">
        {chosen === '' ? '' : t('template.filled')}
      </p>
    </div>
  );
}
