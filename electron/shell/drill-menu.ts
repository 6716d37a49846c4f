/**
 * The Drill menu of the desktop app. A live console offers "Start drill mode…", a drill console
 * "Back to live…"; either asks for confirmation, then restarts the app in the other mode (the
 * same options, --drill added or removed): switching is always explicit and never happens inside
 * a running console, so drill and live data and topics never meet.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export const DRILL_MENU = {
  zh: { menu: '演练', toDrill: '进入演练模式…', toLive: '返回实战模式…', confirm: '确定', cancel: '取消' },
  en: { menu: 'Drill', toDrill: 'Start drill mode…', toLive: 'Back to live…', confirm: 'Restart', cancel: 'Cancel' },
} as const;

const MESSAGES = {
  toDrill:
    '控制台将重启为演练模式：使用独立的演练数据库和演练主题（qx-drill/v1），不会向真实单位发送任何指令。\n' +
    'The console restarts in DRILL mode: a separate drill database and drill topics (qx-drill/v1); no order reaches a real unit.',
  toLive:
    '控制台将重启为实战模式：演练结束，指令将发送给真实单位。\n' +
    'The console restarts LIVE: the drill ends and orders go to real units again.',
} as const;

/** The host arguments for the other mode: --drill added or removed, everything else kept. */
export function switchedArgs(args: readonly string[], toDrill: boolean): string[] {
  const rest = args.filter((a) => a !== '--drill');
  return toDrill ? [...rest, '--drill'] : rest;
}

/** Asks, then relaunches in the other mode. Resolves true when the switch goes ahead. */
export async function confirmSwitch(drill: boolean, relaunchArgs: readonly string[]): Promise<boolean> {
  const text = drill ? MESSAGES.toLive : MESSAGES.toDrill;
  const { response } = await dialog.showMessageBox({
    type: drill ? 'warning' : 'question',
    title: drill ? '返回实战 / Back to live' : '演练模式 / Drill mode',
    message: text,
    buttons: [`${DRILL_MENU.zh.confirm} / ${DRILL_MENU.en.confirm}`, `${DRILL_MENU.zh.cancel} / ${DRILL_MENU.en.cancel}`],
    defaultId: 1,
    cancelId: 1,
  });
  if (response !== 0) return false;
  app.relaunch({ args: switchedArgs(relaunchArgs, !drill) });
  app.quit();
  return true;
}

export function drillMenuTemplate(drill: boolean, relaunchArgs: readonly string[]): MenuItemConstructorOptions[] {
  const item = drill ? `${DRILL_MENU.zh.toLive} / ${DRILL_MENU.en.toLive}` : `${DRILL_MENU.zh.toDrill} / ${DRILL_MENU.en.toDrill}`;
  return [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    {
      label: `${DRILL_MENU.zh.menu} / ${DRILL_MENU.en.menu}`,
      submenu: [{ label: item, click: () => void confirmSwitch(drill, relaunchArgs) }],
    },
  ];
}

/** Sets the application menu with the Drill menu for this mode. */
export function installDrillMenu(drill: boolean, relaunchArgs: readonly string[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(drillMenuTemplate(drill, relaunchArgs)));
}
