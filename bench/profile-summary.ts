/** The heaviest functions and packages of a server's CPU profile, over its last `loadSeconds` only (start-up left out). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; endTime: number }

export function summariseProfile(dir: string, loadSeconds: number): string {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  // Only the samples of the load itself: the start-up (module loading, migrations check) is left out.
  const sampleTimes: number[] = [];
  profile.timeDeltas.reduce((at, delta) => (sampleTimes.push(at + delta), at + delta), 0);
  const loadStart = sampleTimes[sampleTimes.length - 1]! - (loadSeconds - 0.5) * 1e6;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (sampleTimes[i]! >= loadStart) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|dist)\//, '$1/');
    const name = `${node.callFrame.functionName || '(anonyme)'} ${where}:${node.callFrame.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const fileKey = where.split('/').slice(0, where.startsWith('src') ? 99 : 1).join('/') || node.callFrame.functionName;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + time);
  }
  // Inclusive time: a node's own samples plus its descendants', counted once per function on each stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodeById.get(at)!.callFrame;
      if (!frame.url.includes('/src/') && !frame.url.includes('fastify/lib') && !frame.url.includes('kysely')) continue;
      const name = `${frame.functionName || '(anonyme)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/src\//, 'src/')}:${frame.lineNumber}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return `\n-- fonctions (temps propre)\n${top(byFunction, 35)}\n\n-- fichiers ou paquets\n${top(byFile, 25)}\n\n-- temps inclusif (src, fastify, kysely)\n${top(inclusive, 40)}`;
}
