/** `npm start` as a newcomer meets it: the playground process, its options and its failure lines. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlaygroundStart } from '../../src/playground/options';

const MAIN = join(__dirname, '../../dist/src/playground/main.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the playground until it exits by itself (every case here fails before serving). */
function playground(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const store = join(mkdtempSync(join(tmpdir(), 'ml-lanes-playground-')), 'kvs.json');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ML_LANES_STORE: store, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('starting the playground', () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    busyPort = address.port;
  });

  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('names a busy port in one line, with what to do, and exits 1', async () => {
    const run = await playground(['--port', String(busyPort)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ml-lanes playground: port ${busyPort} is in use; set PORT or pass --port\n`);
    expect(run.stdout).toContain('starting the Jira simulator');
  });

  it('reads the port from PORT when --port is not given', async () => {
    const run = await playground([], { PORT: String(busyPort) });
    expect(run.stderr).toBe(`ml-lanes playground: port ${busyPort} is in use; set PORT or pass --port\n`);
  });

  it('refuses an unknown option or a port that is not a number in one line, exit 2', async () => {
    const unknown = await playground(['--prot', '9000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^ml-lanes playground: unknown option '--prot'.*the options are --site URL, --port N and --background-history\n$/,
    );
    const notAPort = await playground(['--port', 'eighty']);
    expect(notAPort.code).toBe(2);
    expect(notAPort.stderr).toBe(
      'ml-lanes playground: --port "eighty" is not a port; pass a number from 1 to 65535\n',
    );
  });
});

describe('the playground options', () => {
  it('prefers --port to PORT, defaults to 8080, and trims the site', () => {
    expect(readPlaygroundStart(['--port', '9001'], { PORT: '9002' }).port).toBe(9001);
    expect(readPlaygroundStart([], { PORT: '9002' }).port).toBe(9002);
    expect(readPlaygroundStart([], {})).toEqual({ site: null, port: 8080, backgroundHistory: false });
    expect(readPlaygroundStart(['--background-history'], {}).backgroundHistory).toBe(true);
    expect(readPlaygroundStart(['--site', 'https://x.atlassian.net//'], {}).site).toBe(
      'https://x.atlassian.net',
    );
  });

  it('refuses ports out of range, naming where the value came from', () => {
    expect(() => readPlaygroundStart([], { PORT: '70000' })).toThrow('PORT "70000" is not a port');
    expect(() => readPlaygroundStart(['--port', '-1'], {})).toThrow(/--port/);
  });
});
