import { describe, expect, it } from 'vitest';
import { parseHostOptions } from '../../../../electron/node/options';
import { hostArgv, shellConfig } from '../../../../electron/shell/lifecycle';

describe('--drill', () => {
  it('moves the database to <data>/drill and the embedded broker to 1884', () => {
    expect(parseHostOptions(['--data', '/srv/qx', '--drill'], {})).toMatchObject({ drill: true, dataDir: '/srv/qx/drill', mqttPort: 1884 });
    expect(parseHostOptions(['--data', '/srv/qx', '--drill', '--mqtt-port', '0'], {})).toMatchObject({ mqttPort: 0 });
    expect(parseHostOptions(['--data', '/srv/qx'], {})).toMatchObject({ drill: false, dataDir: '/srv/qx', mqttPort: 1883 });
  });

  it('is a flag for the Electron shell too: it takes no value, and the data folder is per mode', () => {
    const { args, ignored } = hostArgv(['/electron', '/app', '--drill', '--port', '9000', '--no-sandbox'], true);
    expect(args).toEqual(['--drill', '--port', '9000']);
    expect(ignored).toEqual(['--no-sandbox']);
    const paths = { isPackaged: true, resourcesPath: '/opt/qx/resources', appPath: '/opt/qx/app.asar', userData: '/home/li/.config/Quanxiang', appRoot: () => '/x' };
    expect(shellConfig(parseHostOptions(args, {}), args, paths, {}).core).toMatchObject({ drill: true, dataDir: '/home/li/.config/Quanxiang/drill' });
  });
});
