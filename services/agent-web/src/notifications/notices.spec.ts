import { MAX_NOTICES, type Notice, noticeOf, withNotice } from './notices';

const notice = (id: string): Notice => ({
  notificationId: id,
  kind: 'reminder',
  caseNumber: '2026-000123',
  title: `Påminnelse ${id}`,
  text: 'Ärendet är inte kvitterat.',
  link: '/cases/2026-000123',
  createdAt: '2026-12-03T08:00:00.000Z',
});

describe('noticeOf', () => {
  it('reads a notification event and nothing else', () => {
    const data = { ...notice('a'), to: { kind: 'user', userName: 'elin' } };
    expect(noticeOf({ event: 'notification', data })).toEqual(notice('a'));
    expect(noticeOf({ event: 'case-assigned', data })).toBeUndefined();
    expect(noticeOf({ event: 'notification', data: 'text' })).toBeUndefined();
    expect(noticeOf({ event: 'notification', data: { title: 'no id' } })).toBeUndefined();
  });
});

describe('withNotice', () => {
  it('puts the newest first, shows a notice sent twice once, and keeps a bounded list', () => {
    let list: Notice[] = [];
    list = withNotice(list, notice('a'));
    list = withNotice(list, notice('b'));
    list = withNotice(list, notice('a'));
    expect(list.map((n) => n.notificationId)).toEqual(['b', 'a']);
    for (let index = 0; index < MAX_NOTICES + 5; index += 1) list = withNotice(list, notice(`n${index}`));
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list[0].notificationId).toBe(`n${MAX_NOTICES + 4}`);
  });
});
