import { beforeEach, describe, expect, it } from 'vitest';
import { confirmSwitch, drillMenuTemplate, installDrillMenu, switchedArgs } from '../../../../electron/shell/drill-menu';
import { app, dialog, Menu, resetStubs, type StubMenuItem } from '../../../stubs/electron';

beforeEach(() => resetStubs());

const drillItem = (): StubMenuItem | undefined => Menu.current?.items.find((i) => i.label === '演练 / Drill')?.submenu?.[0];

describe('drill menu', () => {
  it('adds or removes --drill and keeps every other option', () => {
    expect(switchedArgs(['/app', '--port', '9000'], true)).toEqual(['/app', '--port', '9000', '--drill']);
    expect(switchedArgs(['/app', '--drill', '--port', '9000'], false)).toEqual(['/app', '--port', '9000']);
  });

  it('a live console offers drill mode; confirmed, it restarts with --drill', async () => {
    installDrillMenu(false, ['/app', '--data', '/srv/qx']);
    const item = drillItem();
    expect(item?.label).toBe('进入演练模式… / Start drill mode…');
    dialog.answer = 0;
    expect(await confirmSwitch(false, ['/app', '--data', '/srv/qx'])).toBe(true);
    expect(dialog.boxes[0].message).toMatch(/qx-drill\/v1/);
    expect(app.relaunches).toEqual([{ args: ['/app', '--data', '/srv/qx', '--drill'] }]);
    expect(app.quits).toBe(1);
  });

  it('a drill console goes back to live only when confirmed', async () => {
    expect(drillMenuTemplate(true, []).at(-1)?.submenu).toMatchObject([{ label: '返回实战模式… / Back to live…' }]);
    dialog.answer = 1; // Cancel
    expect(await confirmSwitch(true, ['/app', '--drill'])).toBe(false);
    expect(app.relaunches).toEqual([]);
    expect(app.quits).toBe(0);
    dialog.answer = 0;
    expect(await confirmSwitch(true, ['/app', '--drill'])).toBe(true);
    expect(app.relaunches).toEqual([{ args: ['/app'] }]);
  });
});
