import { ConfigError, loadConfig } from '@arende/config';
import { webhookChannelOptions, webhookConfig } from './webhook-config.js';

describe('webhookChannelOptions', () => {
  it('turns every secret-guarded channel off when its secrets are not set', () => {
    const options = webhookChannelOptions(loadConfig(webhookConfig, {}));
    expect(options).toMatchObject({ host: '127.0.0.1', port: 8110, sms46elks: null, facebook: null, telephony: null });
    expect(options.forms).toEqual({
      allowedOrigins: [],
      maxFileBytes: 10 * 1024 * 1024,
      maxFiles: 10,
      maxTotalBytes: 25 * 1024 * 1024,
    });
  });

  it('turns a channel on only when all of its secrets are set', () => {
    const options = webhookChannelOptions(
      loadConfig(webhookConfig, {
        SMS_46ELKS_USER: 'elks',
        FACEBOOK_APP_SECRET: 'a'.repeat(32),
        FACEBOOK_VERIFY_TOKEN: 'verify-me',
        FACEBOOK_PAGE_ID: '104857600000001',
        TELEPHONY_TOKEN: 't'.repeat(32),
        FORMS_ALLOWED_ORIGINS: 'https://www.kommun.se, https://e-tjanster.kommun.se',
      }),
    );
    expect(options.sms46elks).toBeNull();
    expect(options.facebook).toEqual({
      appSecret: 'a'.repeat(32),
      verifyToken: 'verify-me',
      pageId: '104857600000001',
    });
    expect(options.telephony).toEqual({ token: 't'.repeat(32) });
    expect(options.forms.allowedOrigins).toEqual(['https://www.kommun.se', 'https://e-tjanster.kommun.se']);
  });

  it('refuses secrets too short to be secrets, without showing them', () => {
    const attempt = () =>
      loadConfig(webhookConfig, { SMS_46ELKS_USER: 'elks', SMS_46ELKS_PASSWORD: 'kort', TELEPHONY_TOKEN: 'x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SMS_46ELKS_PASSWORD/);
    expect(attempt).toThrow(/TELEPHONY_TOKEN/);
    expect(attempt).not.toThrow(/kort/);
  });
});
