import { describe, expect, it } from 'vitest';
import { wsUrl } from '../../../renderer/src/api/bridge';
import { storedLanguage } from '../../../renderer/src/i18n';

describe('renderer set-up', () => {
  it('reaches the WebSocket of the host that served the page', () => {
    expect(wsUrl({ protocol: 'http:', host: '10.0.0.5:8080' })).toBe('ws://10.0.0.5:8080/ws');
    expect(wsUrl({ protocol: 'https:', host: 'hall.local' })).toBe('wss://hall.local/ws');
  });

  it('opens in Chinese unless English was chosen before', () => {
    expect(storedLanguage({ getItem: () => null })).toBe('zh-CN');
    expect(storedLanguage({ getItem: () => 'en' })).toBe('en');
    expect(storedLanguage({ getItem: () => 'fr' })).toBe('zh-CN');
  });
});
