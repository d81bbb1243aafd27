// Module boundaries from each workspace package's `nx.tags`:
//   type:service -> may import type:lib packages only (never another service)
//   type:lib     -> may import type:lib packages only
//   scope:contracts -> may import nothing of ours (and only zod from outside)
// and no relative import may leave its own package.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function readPackages() {
  const packages = new Map();
  for (const group of ['libs', 'services']) {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      packages.set(pkg.name, { dir: path.join(dir, name), tags: pkg.nx?.tags ?? [] });
    }
  }
  return packages;
}

const packages = readPackages();

function ownerOf(file) {
  for (const [name, info] of packages) {
    if (file.startsWith(info.dir + path.sep)) return { name, ...info };
  }
  return undefined;
}

const allowedExternalForContracts = new Set(['zod']);

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      serviceImport:
        '{{from}} must not import the service {{to}}: services talk over NATS, shared code lives in libs/.',
      untagged: '{{to}} has no type tag in its package.json (nx.tags).',
      contracts: '@arende/contracts may depend on zod only, not {{to}}.',
      escape: 'Relative import leaves the package {{from}}: import through the package name instead.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const owner = ownerOf(file);
    if (!owner) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        if (!target.startsWith(owner.dir + path.sep) && target !== owner.dir) {
          context.report({ node, messageId: 'escape', data: { from: owner.name } });
        }
        return;
      }
      const pkgName = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
      if (owner.tags.includes('scope:contracts') && !pkgName.startsWith('node:')) {
        if (!allowedExternalForContracts.has(pkgName)) {
          context.report({ node, messageId: 'contracts', data: { to: pkgName } });
        }
        return;
      }
      const target = packages.get(pkgName);
      if (!target) return;
      if (target.tags.includes('type:service')) {
        context.report({ node, messageId: 'serviceImport', data: { from: owner.name, to: pkgName } });
      } else if (!target.tags.includes('type:lib')) {
        context.report({ node, messageId: 'untagged', data: { to: pkgName } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const arendePlugin = { rules: { 'module-boundaries': moduleBoundaries } };
