// What the runs need from the system (Debian packages installed with apt-get as root), and the build.
import path from 'node:path';
import { execaSync } from 'execa';
import { IS_ROOT, InfraError, ROOT, log, run, warn } from './processes.mjs';

/** The path of command `name` on PATH, or null. */
const which = (name) => execaSync('sh', ['-c', 'command -v "$0"', name], { reject: false }).stdout || null;

let aptUpdated = false;
/** apt-get install as root; `hint` tells the user what to do when that is not possible or fails. */
async function aptInstall(packages, hint) {
  if (!IS_ROOT || !which('apt-get')) throw new InfraError(hint);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated && (await run('apt-get', ['update'], { env })) !== 0) throw new InfraError(`apt-get update failed.\n${hint}`);
  aptUpdated = true;
  log(`apt-get install -y ${packages.join(' ')}`);
  if ((await run('apt-get', ['install', '-y', ...packages], { env })) !== 0) throw new InfraError(`apt-get install ${packages.join(' ')} failed.\n${hint}`);
}

/** The executable `name` on PATH, else Debian's `packages` installed as root; `hint` tells the user otherwise. */
export async function findOrInstall(name, packages, hint) {
  if (!which(name)) await aptInstall(packages, `${name} was not found. ${hint}`);
  return which(name) ?? Promise.reject(new InfraError(`${name} is still not found after installing ${packages.join(' ')}.`));
}

/** A Chromium for the web e2e: CHROMIUM_PATH, a system one, or Debian's `chromium` (with a CJK font) installed as root. */
export async function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && execaSync('test', ['-f', configured, '-a', '-x', configured], { reject: false }).exitCode !== 0)
    throw new InfraError(`CHROMIUM_PATH=${configured} is not an executable file.`);
  if (configured) return configured;
  const found = ['chromium', 'chromium-browser', 'google-chrome'].map(which).find(Boolean);
  if (found && (!IS_ROOT || !which('fc-list') || execaSync('fc-list', [':lang=zh']).stdout.trim())) return found; // as root, only with a CJK font
  const hint = 'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome executable.';
  await aptInstall(found ? ['fonts-wqy-zenhei'] : ['chromium', 'fonts-wqy-zenhei'], hint).catch((err) => {
    if (!found) throw err;
    warn(`no CJK font for the browser tests' screenshots: ${err.message}`);
  });
  return found ?? findOrInstall('chromium', ['chromium'], hint);
}

/** `nx run-many -t build` for the given projects (all when omitted) and what they depend on. */
export async function build(projects) {
  const args = ['run-many', '-t', 'build', '--outputStyle=static', ...(projects?.length ? [`--projects=${projects.join(',')}`] : [])];
  log(`building: nx ${args.join(' ')}`);
  const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false' };
  const code = await run(path.join(ROOT, 'node_modules', '.bin', 'nx'), args, { env });
  if (code !== 0) throw new InfraError(`the build failed (nx exit ${code}); see the output above.`);
}
