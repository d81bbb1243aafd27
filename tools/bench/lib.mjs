// What every benchmark needs: CPU and memory of the processes on the path, percentiles, the machine, and
// writing its own section of docs/benchmarks.md.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function pidsOf(command) {
  try {
    return execSync(`pgrep -x ${command}`).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds used so far by each part of the path, the load generator included. */
export function cpuSnapshot(processes) {
  const snapshot = Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, cpuSeconds(child.pid)]));
  snapshot.postgres = pidsOf('postgres').reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  snapshot.nats = pidsOf('nats-server').reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const own = process.cpuUsage();
  snapshot['load generator'] = (own.user + own.system) / 1e6;
  return snapshot;
}

/** Milliseconds of CPU per unit of work in each process between two snapshots. */
export function cpuMsPer(before, after, units) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, ((after[name] - before[name]) * 1000) / units]));
}

export function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: execSync('psql --version 2>/dev/null || true').toString().trim() || 'unknown',
    commit: execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(),
  };
}

export function measuredLine(m) {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return `Measured ${date} on ${m.cpu}, ${m.memory}, ${m.os}; Node ${m.node}; ${m.postgres}; commit ${m.commit}.`;
}

/** Replaces (or appends) the section between `<!-- bench:<name>:start -->` and its end marker. */
export function writeSection(name, lines) {
  const file = path.join(root, 'docs/benchmarks.md');
  const section = [`<!-- bench:${name}:start -->`, ...lines, `<!-- bench:${name}:end -->`].join('\n');
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures measured on the machine named with each table; rerun the command to refresh a table.\n';
  const pattern = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*<!-- bench:${name}:end -->`);
  text = pattern.test(text) ? text.replace(pattern, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, text);
  return file;
}

export function cpuTable(label, rows) {
  const names = Object.keys(rows[0].cpu);
  return [
    `| ${label} | ${names.join(' | ')} | total |`,
    `| ---: | ${names.map(() => '---:').join(' | ')} | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.label} | ${Object.values(r.cpu)
          .map((v) => v.toFixed(2))
          .join(' | ')} | ${Object.values(r.cpu)
          .reduce((a, b) => a + b, 0)
          .toFixed(2)} |`,
    ),
  ];
}
