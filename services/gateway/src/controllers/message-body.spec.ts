import { SendMessageBody } from './message.controller.js';

describe('the body of a reply to the customer', () => {
  it('is an e-mail without a channel, and with channel email', () => {
    const mail = { to: 'eva@example.se', text: 'Hej Eva!' };
    expect(SendMessageBody.parse(mail)).toEqual(mail);
    expect(SendMessageBody.parse({ ...mail, channel: 'email', subject: 'Gatlykta' })).toMatchObject({
      channel: 'email',
      subject: 'Gatlykta',
    });
  });

  it('is a text message with channel sms, its number as typed turned into E.164', () => {
    expect(SendMessageBody.parse({ channel: 'sms', to: '070-612 00 01', text: 'Hej!' })).toEqual({
      channel: 'sms',
      to: '+46706120001',
      text: 'Hej!',
    });
    expect(SendMessageBody.parse({ channel: 'sms', to: '+47 912 34 567', text: 'Hei!' }).to).toBe('+4791234567');
  });

  it('refuses a number without area or country code, letters, and a text over ten parts', () => {
    for (const to of ['612 00 01', 'sju noll', '']) {
      const result = SendMessageBody.safeParse({ channel: 'sms', to, text: 'Hej!' });
      expect([to, result.success]).toEqual([to, false]);
    }
    expect(SendMessageBody.safeParse({ channel: 'sms', to: '0706120001', text: 'a'.repeat(1531) }).success).toBe(false);
  });
});
