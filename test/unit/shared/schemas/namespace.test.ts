import { describe, expect, it } from 'vitest';
import { topicNamespace } from '../../../../shared/schemas/namespace';

describe('topic namespaces', () => {
  it('live: topics unchanged', () => {
    const ns = topicNamespace(false);
    expect(ns.wire('qx/v1/units/F-1/orders')).toBe('qx/v1/units/F-1/orders');
    expect(ns.canonical('owntracks/a/b')).toBe('owntracks/a/b');
    expect(ns.subscriptions(['qx/v1/units/+/ack', 'owntracks/+/+'])).toEqual(['qx/v1/units/+/ack', 'owntracks/+/+']);
  });

  it('drill: qx-drill/v1 on the wire, canonical inside, nothing foreign', () => {
    const ns = topicNamespace(true);
    expect(ns.wire('qx/v1/units/F-1/orders')).toBe('qx-drill/v1/units/F-1/orders');
    expect(ns.canonical('qx-drill/v1/reports/hotline')).toBe('qx/v1/reports/hotline');
    expect(ns.canonical('qx/v1/units/F-1/ack')).toBeNull();
    expect(ns.canonical('qx-drill/v10/x')).toBeNull();
    expect(() => ns.wire('owntracks/a/b')).toThrow(/no drill equivalent/);
    expect(ns.subscriptions(['qx/v1/units/+/ack', 'owntracks/+/+', 'qx/v1/alerts/cap'])).toEqual(['qx-drill/v1/units/+/ack', 'qx-drill/v1/alerts/cap']);
  });
});
