import { useId, useState } from 'react';
import {
  BusinessCalendarDefinitionSchema,
  type BusinessCalendarDefinition,
  type CalendarException,
  type DayHours,
  SWEDISH_HOLIDAYS_MAX_YEAR,
  SWEDISH_HOLIDAYS_MIN_YEAR,
  type Weekday,
  swedishHolidays,
} from '@arende/calendar';
import type { CalendarView } from '@arende/contracts';
import { type MessageKey, useI18n } from '../i18n';
import { AdminPage, type EditorProps } from './AdminPage';
import { CheckboxField, Section, TextField } from './fields';
import type { FieldErrors } from './problem';

interface CalendarFields {
  id: string;
  name: string;
  definition: BusinessCalendarDefinition;
}

/** The week as an office reads it, Monday first. */
const WEEK: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const OFFICE_HOURS: DayHours = [{ from: '08:00', to: '17:00' }];

function blank(): CalendarFields {
  const open = { monday: OFFICE_HOURS, tuesday: OFFICE_HOURS, wednesday: OFFICE_HOURS, thursday: OFFICE_HOURS };
  return {
    id: '',
    name: '',
    definition: BusinessCalendarDefinitionSchema.parse({ weeklyHours: { ...open, friday: OFFICE_HOURS } }),
  };
}

function fieldsOf(calendar: CalendarView): CalendarFields {
  const parsed = BusinessCalendarDefinitionSchema.safeParse(calendar.definition);
  // The watcher stores only valid definitions; the fallback keeps an odd one editable rather than hidden.
  const definition = parsed.success ? parsed.data : (calendar.definition as unknown as BusinessCalendarDefinition);
  return { id: calendar.id, name: calendar.name, definition };
}

/** The opening intervals of a day (a weekday or an exception), each from–to, added and removed by buttons. */
function HoursField({
  id,
  label,
  hours,
  errors,
  path,
  onChange,
}: {
  id: string;
  label: string;
  hours: DayHours;
  errors: FieldErrors;
  path: string;
  onChange: (hours: DayHours) => void;
}) {
  const { t } = useI18n();
  const setInterval = (index: number, key: 'from' | 'to', value: string) =>
    onChange(hours.map((interval, i) => (i === index ? { ...interval, [key]: value } : interval)));
  const dayError = errors[path];
  return (
    <fieldset
      className="admin-fieldset admin-day"
      aria-describedby={dayError === undefined ? undefined : `${id}-error`}
    >
      <legend>{label}</legend>
      {hours.length === 0 && <p className="admin-closed">{t('admin.calendar.closed')}</p>}
      {hours.map((interval, index) => {
        const error = errors[`${path}.${index}`] ?? errors[`${path}.${index}.from`] ?? errors[`${path}.${index}.to`];
        const intervalLabel = t('admin.calendar.interval', { day: label, n: index + 1 });
        return (
          <div key={index} className="admin-interval" role="group" aria-label={intervalLabel}>
            <label htmlFor={`${id}-${index}-from`}>{t('admin.calendar.from')}</label>
            <input
              id={`${id}-${index}-from`}
              type="time"
              value={interval.from}
              aria-invalid={error === undefined ? undefined : true}
              aria-describedby={error === undefined ? undefined : `${id}-${index}-error`}
              onChange={(e) => setInterval(index, 'from', e.target.value)}
            />
            <label htmlFor={`${id}-${index}-to`}>{t('admin.calendar.to')}</label>
            <input
              id={`${id}-${index}-to`}
              type="time"
              value={interval.to}
              aria-invalid={error === undefined ? undefined : true}
              aria-describedby={error === undefined ? undefined : `${id}-${index}-error`}
              onChange={(e) => setInterval(index, 'to', e.target.value)}
            />
            <button type="button" onClick={() => onChange(hours.filter((_, i) => i !== index))}>
              {t('admin.remove', { what: intervalLabel.toLowerCase() })}
            </button>
            {error !== undefined && (
              <span id={`${id}-${index}-error`} className="field-error">
                {error}
              </span>
            )}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...hours, hours.length === 0 ? OFFICE_HOURS[0] : { from: '13:00', to: '17:00' }])}
      >
        {t('admin.calendar.addInterval', { day: label })}
      </button>
      {dayError !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {dayError}
        </span>
      )}
    </fieldset>
  );
}

function CalendarEditor({ fields, onChange, errors, isNew, ids }: EditorProps<CalendarFields>) {
  const { t } = useI18n();
  const definition = fields.definition;
  const setDefinition = (next: Partial<BusinessCalendarDefinition>) =>
    onChange({ ...fields, definition: { ...definition, ...next } });
  const setException = (index: number, exception: CalendarException) =>
    setDefinition({ exceptions: definition.exceptions.map((old, i) => (i === index ? exception : old)) });
  return (
    <>
      {isNew && (
        <TextField
          id={`${ids}-id`}
          label={t('admin.calendar.id')}
          hint={t('admin.calendar.idHint')}
          required
          value={fields.id}
          error={errors.id}
          onChange={(id) => onChange({ ...fields, id })}
        />
      )}
      <TextField
        id={`${ids}-name`}
        label={t('admin.calendar.name')}
        required
        value={fields.name}
        error={errors.name}
        onChange={(name) => onChange({ ...fields, name })}
      />
      <Section title={t('admin.calendar.week')}>
        {errors.weeklyHours !== undefined && <p className="field-error">{errors.weeklyHours}</p>}
        {WEEK.map((day) => (
          <HoursField
            key={day}
            id={`${ids}-${day}`}
            label={t(`admin.weekday.${day}` as MessageKey)}
            hours={definition.weeklyHours[day]}
            errors={errors}
            path={`weeklyHours.${day}`}
            onChange={(hours) => setDefinition({ weeklyHours: { ...definition.weeklyHours, [day]: hours } })}
          />
        ))}
      </Section>
      <Section title={t('admin.calendar.holidays')}>
        <CheckboxField
          id={`${ids}-public`}
          label={t('admin.calendar.closedOnPublicHolidays')}
          checked={definition.closedOnPublicHolidays}
          onChange={(closedOnPublicHolidays) => setDefinition({ closedOnPublicHolidays })}
        />
        <CheckboxField
          id={`${ids}-defacto`}
          label={t('admin.calendar.closedOnDeFactoHolidays')}
          checked={definition.closedOnDeFactoHolidays}
          onChange={(closedOnDeFactoHolidays) => setDefinition({ closedOnDeFactoHolidays })}
        />
      </Section>
      <Section title={t('admin.calendar.exceptions')}>
        {definition.exceptions.length === 0 && <p>{t('admin.calendar.noExceptions')}</p>}
        {definition.exceptions.map((exception, index) => {
          const label = t('admin.calendar.exception', { n: index + 1 });
          return (
            <fieldset key={index} className="admin-fieldset">
              <legend>{label}</legend>
              <TextField
                id={`${ids}-exception-${index}-date`}
                label={t('admin.calendar.date')}
                type="date"
                required
                value={exception.date}
                error={errors[`exceptions.${index}.date`] ?? errors[`exceptions.${index}`]}
                onChange={(date) => setException(index, { ...exception, date })}
              />
              <TextField
                id={`${ids}-exception-${index}-note`}
                label={t('admin.calendar.note')}
                value={exception.note ?? ''}
                error={errors[`exceptions.${index}.note`]}
                onChange={(note) => setException(index, { ...exception, note: note === '' ? undefined : note })}
              />
              <HoursField
                id={`${ids}-exception-${index}-hours`}
                label={t('admin.calendar.hoursOf', { what: label })}
                hours={exception.hours}
                errors={errors}
                path={`exceptions.${index}.hours`}
                onChange={(hours) => setException(index, { ...exception, hours })}
              />
              <button
                type="button"
                onClick={() => setDefinition({ exceptions: definition.exceptions.filter((_, i) => i !== index) })}
              >
                {t('admin.remove', { what: label.toLowerCase() })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => setDefinition({ exceptions: [...definition.exceptions, { date: '', hours: [] }] })}
        >
          {t('admin.calendar.addException')}
        </button>
      </Section>
    </>
  );
}

/** The Swedish holidays of a year (from @arende/calendar) and whether this calendar closes on each. */
function Holidays({ definition }: { definition: BusinessCalendarDefinition }) {
  const { t } = useI18n();
  const ids = useId();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const valid = Number.isInteger(year) && year >= SWEDISH_HOLIDAYS_MIN_YEAR && year <= SWEDISH_HOLIDAYS_MAX_YEAR;
  const exceptions = new Map(definition.exceptions.map((exception) => [exception.date, exception]));
  const closes = (kind: 'public' | 'de-facto') =>
    kind === 'public' ? definition.closedOnPublicHolidays : definition.closedOnDeFactoHolidays;
  return (
    <section className="admin-holidays" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('admin.calendar.holidaysOf', { year })}</h2>
      <div className="field">
        <label htmlFor={`${ids}-year`}>{t('admin.calendar.year')}</label>
        <input
          id={`${ids}-year`}
          type="number"
          min={SWEDISH_HOLIDAYS_MIN_YEAR}
          max={SWEDISH_HOLIDAYS_MAX_YEAR}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        />
      </div>
      {valid && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.calendar.holidaysOf', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.calendar.date')}</th>
              <th scope="col">{t('admin.calendar.holiday')}</th>
              <th scope="col">{t('admin.calendar.thisCalendar')}</th>
            </tr>
          </thead>
          <tbody>
            {swedishHolidays(year).map((holiday) => {
              const exception = exceptions.get(holiday.date);
              const state =
                exception !== undefined
                  ? exception.hours.length === 0
                    ? t('admin.calendar.closedByException')
                    : t('admin.calendar.openByException')
                  : closes(holiday.kind)
                    ? t('admin.calendar.closed')
                    : t('admin.calendar.weekdayHours');
              return (
                <tr key={holiday.date}>
                  <td className="nowrap">{holiday.date}</td>
                  <td>
                    {holiday.name}
                    {holiday.kind === 'de-facto' && ` (${t('admin.calendar.deFacto')})`}
                  </td>
                  <td>{state}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CalendarsAdmin() {
  const { t } = useI18n();
  return (
    <AdminPage<CalendarView, CalendarFields>
      title={t('admin.calendars')}
      collection="/api/v1/calendars"
      itemPath={(id) => `/api/v1/calendars/${encodeURIComponent(id)}`}
      readsOne
      nameOf={(calendar) => calendar.name}
      detailOf={(calendar) => calendar.id}
      blank={blank}
      fieldsOf={fieldsOf}
      Editor={CalendarEditor}
      strip="definition."
      aside={(fields) => <Holidays definition={fields.definition} />}
    />
  );
}
