#!/usr/bin/env node
// Makes sure what the test suite talks to is there: Debian's Chromium, LibreOffice, a running PostgreSQL, the built web app.
// Installs or starts what is missing when it can (as root, with apt-get), and says clearly what to do otherwise.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const run = (command) => execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

function aptInstall(packages) {
  if (!isRoot) throw new Error(`Installez ${packages} (apt-get install -y ${packages}) puis relancez les tests.`);
  if (!aptUpdated) run('apt-get update -q');
  aptUpdated = true;
  run(`apt-get install -y -q ${packages}`);
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log('Chromium absent : installation du paquet Debian chromium…');
  aptInstall('chromium fonts-liberation');
}

/** LibreOffice converts the generated Word documents to PDF in the tests (about 50 s to install). */
function ensureLibreOffice() {
  if (existsSync('/usr/bin/soffice')) return;
  console.log('LibreOffice absent : installation du paquet Debian libreoffice-writer-nogui…');
  aptInstall('libreoffice-writer-nogui');
}

const pgHost = process.env.TEST_PG_HOST ?? '127.0.0.1';
const pgPort = Number(process.env.TEST_PG_PORT ?? 5432);

function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function ensurePostgres() {
  if (await portOpen(pgHost, pgPort)) return;
  if (!existsSync('/etc/postgresql')) {
    console.log('PostgreSQL absent : installation du paquet Debian postgresql…');
    aptInstall('postgresql postgresql-contrib');
  }
  for (const version of readdirSync('/etc/postgresql')) {
    console.log(`Démarrage de PostgreSQL ${version}…`);
    try {
      run(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
    } catch {
      // Already running or another cluster: checked below.
    }
  }
  for (let i = 0; i < 30; i++) {
    if (await portOpen(pgHost, pgPort)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`PostgreSQL ne répond pas sur ${pgHost}:${pgPort}.`);
}

try {
  ensureChromium();
  ensureLibreOffice();
  await ensurePostgres();
  run('npm run build --silent');
} catch (error) {
  console.error(`Préparation des tests impossible : ${error.message}`);
  process.exit(1);
}
